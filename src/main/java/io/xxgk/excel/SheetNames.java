package io.xxgk.excel;

/** The sheet names of our report workbook; readers look for these first. */
public final class SheetNames {

    public static final String GUIDE = "填报说明";
    public static final String INFO = "基本信息";
    public static final String TABLES = "统计表";

    private SheetNames() {
    }
}
