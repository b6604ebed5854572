package io.xxgk.ingest.excel;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The number a workbook stores in a cell's {@code <v>}, read the way a spreadsheet shows it, from
 * the text (both readers use this, so they agree): a whole number exactly as written (never through
 * a double: 9007199254740993 stays so); a decimal as the shortest decimal of its double (binary
 * noise such as 112.55033999999999 shows as 112.55034, as Excel and WPS show it). Anything that is
 * no finite decimal (NaN, INF, 1e309, hex, a date) is null: the cell is then its text, and the
 * checker says VAL-NUM on that cell.
 */
public final class StoredNumber {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,40}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");

    private StoredNumber() {
    }

    /** The value of {@code stored}, or null when it is not a finite decimal number. */
    public static BigDecimal parse(String stored) {
        String s = stored.strip();
        if (WHOLE.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        if (s.length() > 400 || !DECIMAL.matcher(s).matches()) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? WorkbookReader.exact(d) : null;
    }
}
