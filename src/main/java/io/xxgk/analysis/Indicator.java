package io.xxgk.analysis;

import java.math.BigDecimal;

/**
 * One figure of the analysis: a count, or a rate in percent rounded to 0.1 (exact decimal arithmetic
 * before that). {@code value} is null when it cannot be computed, {@code note} says why (a zero
 * denominator is "—", never 0); {@code smallBase} marks a rate over fewer than {@link Indicators#SMALL_BASE}
 * cases, left out of rankings.
 */
public record Indicator(String id, String label, String definition, boolean rate, BigDecimal value, String note,
                        boolean smallBase) {

    /** As shown: "61.5%", "1234", or "—". */
    public String shown() {
        if (value == null) {
            return "—";
        }
        return rate ? value.toPlainString() + "%" : value.stripTrailingZeros().toPlainString();
    }
}
