package io.xxgk.ingest.text;

import io.xxgk.schema.Layout;
import io.xxgk.schema.SumDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A row whose numbers ran together when a web page's cell separators were lost
 * ({@code 一、本年新收政府信息公开申请数量801000081} is 80|1|0|0|0|0|81). The table's own arithmetic
 * decides the split: the totals within the row (a row's 总计, table 四's three 总计), and, where
 * those leave more than one way, the totals across rows (see RowMapper). A cut is never guessed: a
 * number with a leading zero is no number, and more than one cut satisfying everything is no answer.
 */
final class GluedDigits {

    /** Longer digit runs are not one row of counts (and would take long to try). */
    static final int MAX_DIGITS = 40;
    /** Candidates kept for the totals across rows to choose from. */
    static final int MAX_CANDIDATES = 64;
    /** Past this many cuts tried the row is not decided. */
    private static final int MAX_TRIES = 2_000_000;

    private GluedDigits() {
    }

    /** The totals within a row: for each relation {@code total = sum(parts)} whose keys are all in {@code keys}, [total, parts…] as indexes. */
    static List<int[]> rowTotals(Layout layout, List<String> keys) {
        List<int[]> out = new ArrayList<>();
        for (SumDef rel : layout.relations()) {
            if (rel.isTotal() && keys.contains(rel.anchor()) && keys.containsAll(rel.right())) {
                int[] r = new int[rel.right().size() + 1];
                r[0] = keys.indexOf(rel.anchor());
                for (int i = 0; i < rel.right().size(); i++) {
                    r[i + 1] = keys.indexOf(rel.right().get(i));
                }
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Every way (up to {@link #MAX_CANDIDATES}, then one more to say "more") of cutting {@code digits}
     * into {@code n} numbers that satisfies every relation; null when there were too many cuts to try
     * them all (undecided). With as many digits as numbers there is one cut, one digit each.
     */
    static List<BigDecimal[]> splits(String digits, int n, List<int[]> relations) {
        List<BigDecimal[]> out = new ArrayList<>();
        if (digits.length() < n || digits.length() > MAX_DIGITS) {
            return out;
        }
        int[] cuts = new int[n + 1];
        cuts[n] = digits.length();
        long[] tries = {0};
        search(digits, n, 1, cuts, relations, out, tries);
        return tries[0] > MAX_TRIES ? null : out;
    }

    private static void search(String digits, int n, int k, int[] cuts, List<int[]> relations,
                               List<BigDecimal[]> out, long[] tries) {
        if (out.size() > MAX_CANDIDATES || ++tries[0] > MAX_TRIES) {
            return;
        }
        if (k == n) {
            String last = digits.substring(cuts[n - 1]);
            if (last.length() > 1 && last.charAt(0) == '0') {
                return;
            }
            BigDecimal[] values = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                values[i] = new BigDecimal(digits.substring(cuts[i], cuts[i + 1]));
            }
            if (holds(values, relations)) {
                out.add(values);
            }
            return;
        }
        // Part k-1 runs from cuts[k-1]; leave at least one digit for each part still to come.
        for (int end = cuts[k - 1] + 1; end <= digits.length() - (n - k); end++) {
            if (end - cuts[k - 1] > 1 && digits.charAt(cuts[k - 1]) == '0') {
                break;
            }
            cuts[k] = end;
            search(digits, n, k + 1, cuts, relations, out, tries);
        }
    }

    static boolean holds(BigDecimal[] values, List<int[]> relations) {
        for (int[] r : relations) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 1; i < r.length; i++) {
                sum = sum.add(values[r[i]]);
            }
            if (sum.compareTo(values[r[0]]) != 0) {
                return false;
            }
        }
        return true;
    }
}
