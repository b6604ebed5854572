package io.xxgk.testing;

import io.xxgk.schema.Layout;
import io.xxgk.schema.SumDef;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Random reports that satisfy every table check, from a fixed seed. */
public final class Reports {

    private Reports() {
    }

    /** All 200 values: random parts, totals summed, carried_out chosen so the balance holds. */
    public static Map<String, BigDecimal> valid(Layout layout, long seed) {
        Map<String, BigDecimal> v = new HashMap<>(Sheets.randomInputs(layout, seed));
        for (String c : List.of("natural", "business", "research", "nonprofit", "legal", "other")) {
            BigDecimal results = BigDecimal.ZERO;
            for (String k : v.keySet()) {
                if (k.startsWith("requests.") && k.endsWith("." + c) && !k.startsWith("requests.new.")
                        && !k.startsWith("requests.carried_in.") && !k.startsWith("requests.carried_out.")) {
                    results = results.add(v.get(k));
                }
            }
            BigDecimal carriedIn = v.get("requests.carried_in." + c);
            BigDecimal fresh = results.add(BigDecimal.valueOf(5));
            v.put("requests.new." + c, fresh);
            v.put("requests.carried_out." + c, fresh.add(carriedIn).subtract(results));
        }
        for (SumDef f : layout.formulas().values()) {
            BigDecimal s = BigDecimal.ZERO;
            for (String part : f.right()) {
                s = s.add(v.getOrDefault(part, BigDecimal.ZERO));
            }
            v.put(f.anchor(), s);
        }
        // Row totals of the total row depend on the column totals: compute again in order.
        for (SumDef f : layout.formulas().values()) {
            BigDecimal s = BigDecimal.ZERO;
            for (String part : f.right()) {
                s = s.add(v.getOrDefault(part, BigDecimal.ZERO));
            }
            v.put(f.anchor(), s);
        }
        return v;
    }
}
