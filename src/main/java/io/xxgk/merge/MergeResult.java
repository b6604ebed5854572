package io.xxgk.merge;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a merge: every input with its status, the sums (in layout order), the merge's own
 * findings (M-DUP, M-YEAR, M-LAYOUT, M-MISSING, M-SUM, and with last year's reports Y-*), the roster
 * reconciliation, the number of units the summary stands for and the cross-year comparison (or null).
 */
public record MergeResult(Layout layout, String year, List<MergeInput> inputs, BigDecimal[] sums,
                          List<Finding> findings, List<RosterLine> roster, List<MergeInput> offRoster, int units,
                          List<CarryLine> carry, List<YearTotals> past) {

    public MergeResult {
        past = past == null ? List.of() : List.copyOf(past);
        inputs = List.copyOf(inputs);
        findings = List.copyOf(findings);
        roster = roster == null ? null : List.copyOf(roster);
        offRoster = List.copyOf(offRoster);
        carry = carry == null ? null : List.copyOf(carry);
    }

    /**
     * Who each merge finding is about, for 问题清单's 单位 column: the agency of the input it names
     * (M-DUP, M-YEAR, M-LAYOUT, Y-*), the roster line's agency for M-MISSING, {@code summary} (the
     * summary's own agency) for M-SUM; in the order of {@link #findings}.
     */
    public List<String> findingAgencies(String summary) {
        Map<String, String> byFile = new HashMap<>();
        for (MergeInput in : inputs) {
            byFile.putIfAbsent(in.file(), in.name() == null ? "" : in.name());
        }
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.rule().equals(Rule.M_MISSING.id()) && f.args().size() > 1) {
                out.add(String.valueOf(f.args().get(1)));
            } else if (f.rule().equals(Rule.M_SUM.id())) {
                out.add(summary);
            } else {
                out.add(byFile.getOrDefault(f.file(), ""));
            }
        }
        return out;
    }

    public long merged() {
        return inputs.stream().filter(i -> i.status().merged()).count();
    }
}
