package io.xxgk.merge;

import io.xxgk.finding.Finding;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of a merge: every input with its status, the sums (in layout order), the merge's own
 * findings (M-DUP, M-YEAR, M-LAYOUT, M-MISSING, M-SUM, and with last year's reports Y-*), the roster
 * reconciliation, the number of units the summary stands for and the cross-year comparison (or null).
 */
public record MergeResult(Layout layout, String year, List<MergeInput> inputs, BigDecimal[] sums,
                          List<Finding> findings, List<RosterLine> roster, List<MergeInput> offRoster, int units,
                          List<CarryLine> carry) {

    public MergeResult {
        inputs = List.copyOf(inputs);
        findings = List.copyOf(findings);
        roster = roster == null ? null : List.copyOf(roster);
        offRoster = List.copyOf(offRoster);
        carry = carry == null ? null : List.copyOf(carry);
    }

    public long merged() {
        return inputs.stream().filter(i -> i.status().merged()).count();
    }
}
