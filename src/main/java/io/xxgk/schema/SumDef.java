package io.xxgk.schema;

import java.util.List;

/**
 * An arithmetic relation the official tables must satisfy: the sum of {@code left} equals the sum of
 * {@code right}. A total cell is the special case {@code left = [total]}, {@code right = parts}.
 *
 * @param ruleId stable id of the check (FORMAT.md), e.g. {@code T3-ROW}
 * @param scope  which row, column or group it applies to, e.g. {@code granted} or {@code natural}
 * @param left   keys whose values are added on the left
 * @param right  keys whose values are added on the right
 * @param anchor the key a finding is reported on (the cell a person should look at first)
 */
public record SumDef(String ruleId, String scope, List<String> left, List<String> right, String anchor) {

    public SumDef {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** {@code total = sum(parts)}: the total cell is computed from its parts by a formula. */
    public static SumDef total(String ruleId, String scope, String total, List<String> parts) {
        return new SumDef(ruleId, scope, List.of(total), parts, total);
    }

    /** True when this relation defines a single total cell from its parts. */
    public boolean isTotal() {
        return left.size() == 1 && left.get(0).equals(anchor);
    }
}
