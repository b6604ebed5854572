package io.xxgk.ingest.excel;

import java.math.BigDecimal;

/**
 * The number a workbook stores in a cell's {@code <v>}, read the way a spreadsheet shows it, from
 * the text (both readers use this, so they agree): a whole number exactly as written (never through
 * a double: 9007199254740993 stays so); a decimal as the shortest decimal of its double (binary
 * noise such as 112.55033999999999 shows as 112.55034, as Excel and WPS show it). Anything that is
 * no finite decimal (NaN, INF, 1e309, hex, a date) is null: the cell is then its text, and the
 * checker says VAL-NUM on that cell.
 */
public final class StoredNumber {

    private StoredNumber() {
    }

    /**
     * The value of {@code stored}, or null when it is not a finite decimal number: a whole number
     * is {@code [+-]?\d{1,40}}, a decimal {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,4})?} (ASCII
     * digits). Scanned by hand: a merge reads two million of them, and the regular expressions
     * were 6% of its time.
     */
    public static BigDecimal parse(String stored) {
        String s = stored.strip();
        int n = s.length();
        int sign = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int p = digits(s, sign);
        int whole = p - sign;
        if (whole > 0 && p == n && whole <= 40) {
            return whole <= 18 ? BigDecimal.valueOf(Long.parseLong(s)) : new BigDecimal(s);
        }
        if (n > 400) {
            return null;
        }
        int fraction = 0;
        if (p < n && s.charAt(p) == '.') {
            int q = digits(s, p + 1);
            fraction = q - p - 1;
            p = q;
        }
        if (whole == 0 && fraction == 0) {
            return null;
        }
        if (p == n && whole > 0 && whole <= 15 && zeros(s, p - fraction, p)) {
            // "15355.0", as POI and openpyxl store a whole number: the double is that whole number
            // (under 10^15), so the value is the whole part, read without the double.
            return BigDecimal.valueOf(Long.parseLong(s, 0, sign + whole, 10));
        }
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            int e = p + 1 < n && (s.charAt(p + 1) == '+' || s.charAt(p + 1) == '-') ? p + 2 : p + 1;
            int q = digits(s, e);
            if (q - e < 1 || q - e > 4) {
                return null;
            }
            p = q;
        }
        if (p != n) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? WorkbookReader.exact(d) : null;
    }

    /** Whether {@code s} holds only '0' from {@code from} to {@code to}. */
    private static boolean zeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** The index after the ASCII digits of {@code s} from {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
