package io.xxgk.check;

import io.xxgk.finding.Finding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One wrong number, one finding: a finding over total cells only (the balance of the 总计 column, the
 * carry-over of the 总计 column) is dropped when findings of the same rule over parts explain its
 * difference exactly, since the totals merely add the wrong part up.
 */
final class Echoes {

    private Echoes() {
    }

    /** {@code findings} without their echoes; {@code ofTotalsOnly} tells the findings over totals only. */
    static List<Finding> without(List<Finding> findings, Predicate<Finding> ofTotalsOnly) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!ofTotalsOnly.test(f) || !explained(f, findings, ofTotalsOnly)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean explained(Finding total, List<Finding> findings, Predicate<Finding> ofTotalsOnly) {
        BigDecimal parts = BigDecimal.ZERO;
        boolean anyPart = false;
        for (Finding o : findings) {
            if (o.rule().equals(total.rule()) && !ofTotalsOnly.test(o)) {
                parts = parts.add(o.difference());
                anyPart = true;
            }
        }
        return anyPart && parts.compareTo(total.difference()) == 0;
    }
}
