package io.xxgk.merge;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One past year's reports added up, for the analysis's trend: the year (as most of its reports state
 * it), how many reports were added, and the sum of each key over them.
 */
public record YearTotals(String year, int reports, Map<String, BigDecimal> totals) {

    public YearTotals {
        totals = Map.copyOf(totals);
    }
}
