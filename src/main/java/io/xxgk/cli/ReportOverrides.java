package io.xxgk.cli;

import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import picocli.CommandLine.Option;

/** {@code --agency} and {@code --year} where they override what a report states (check, import). */
public final class ReportOverrides {

    @Option(names = "--agency", paramLabel = "NAME", descriptionKey = "check.agency")
    String agency;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "check.year")
    String year;

    String agency() {
        return agency;
    }

    /** The year given, checked: a usage error when it is not 4 digits. */
    String year() throws UserException {
        return checkYear(year);
    }

    /** {@code year} stripped, or a usage error when it is given and not 4 digits. */
    static String checkYear(String year) throws UserException {
        if (year == null) {
            return null;
        }
        if (!year.strip().matches("\\d{4}")) {
            throw new UserException(ExitCodes.USAGE, "option.badYear", year);
        }
        return year.strip();
    }
}
