package io.xxgk.schema;

import java.util.List;

/** Row keys of table 三 as FORMAT.md lists them, for tests in other packages. */
public final class Layout2021TestAccess {

    private Layout2021TestAccess() {
    }

    public static List<String> rows() {
        return Layout2021Test.ROWS;
    }
}
