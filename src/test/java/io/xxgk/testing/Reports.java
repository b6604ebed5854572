package io.xxgk.testing;

import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.schema.SumDef;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Random reports that satisfy every table check, from a fixed seed. */
public final class Reports {

    private Reports() {
    }

    /**
     * An earlier year's folder for the trend: two agencies (甲局, 乙局) of {@code year}, each 10 new and
     * closed, 6 granted and 4 not held (公开率 60.0%), written by the template writer into {@code dir}.
     */
    public static Path twoAgencies(Path dir, String year) throws IOException {
        Files.createDirectories(dir);
        Map<String, BigDecimal> values = new HashMap<>();
        for (String k : List.of("requests.new.natural", "requests.new.total", "requests.total.natural", "requests.total.total")) {
            values.put(k, BigDecimal.TEN);
        }
        values.put("requests.granted.natural", BigDecimal.valueOf(6));
        values.put("requests.granted.total", BigDecimal.valueOf(6));
        values.put("requests.unable_not_held.natural", BigDecimal.valueOf(4));
        values.put("requests.unable_not_held.total", BigDecimal.valueOf(4));
        for (String agency : List.of("甲局", "乙局")) {
            new TemplateWriter(Layouts.defaultLayout()).write(Identity.empty().with(IdentityField.NAME, agency)
                    .with(IdentityField.YEAR, year), values, dir.resolve(agency + ".xlsx"), false);
        }
        return dir;
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
