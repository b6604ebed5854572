package io.xxgk.golden;

import io.xxgk.excel.TemplateWriter;
import io.xxgk.ingest.HandMade;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.LibreOffice;
import io.xxgk.testing.Reports;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the input files of the golden cases (run once, by hand, then reviewed and committed):
 * {@code mvn test -Dtest=GoldenFixtures -Dgolden.generate=true}. Expected outputs are written by
 * {@code GoldenTest} with {@code -Dgolden.update=true}, and reviewed before committing.
 */
@EnabledIfSystemProperty(named = "golden.generate", matches = "true")
class GoldenFixtures {

    static final Path ROOT = Path.of("src/test/resources/golden");
    private final Layout layout = Layouts.get("2021");

    private Map<String, BigDecimal> valid(long seed) {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, seed));
        return v;
    }

    private Identity id() {
        return Identity.empty().with(IdentityField.NAME, "某某县财政局").with(IdentityField.YEAR, "2024")
                .with(IdentityField.CREDIT_CODE, "914403001922038216").with(IdentityField.REGION_CODE, "350823");
    }

    /** A template filled with valid parts (totals left to their formulas), then one change. */
    private void template(String name, long seed, Consumer<Map<String, BigDecimal>> change) throws Exception {
        Map<String, BigDecimal> all = valid(seed);
        Map<String, BigDecimal> v = new HashMap<>(all);
        layout.formulas().keySet().forEach(v::remove);
        change.accept(new StatedTotals(v, all));
        Path dir = ROOT.resolve(name);
        Files.createDirectories(dir);
        new TemplateWriter(layout).write(id(), v, dir.resolve("input.xlsx"), true);
    }

    /** Puts a changed total as a stated value; reads totals from the full valid report. */
    private static final class StatedTotals extends HashMap<String, BigDecimal> {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, BigDecimal> target;

        StatedTotals(Map<String, BigDecimal> target, Map<String, BigDecimal> all) {
            super(all);
            this.target = target;
        }

        @Override
        public BigDecimal put(String key, BigDecimal value) {
            target.put(key, value);
            return super.put(key, value);
        }

        @Override
        public BigDecimal remove(Object key) {
            target.remove(key);
            return super.remove(key);
        }
    }

    @Test
    void generate() throws Exception {
        template("template-valid", 1, v -> { });
        template("t3-row-stated-total-wrong", 2, v -> v.put("requests.granted.total",
                v.get("requests.granted.total").add(BigDecimal.ONE)));
        template("t3-bal-carried-out-wrong", 3, v -> v.put("requests.carried_out.research",
                v.get("requests.carried_out.research").add(BigDecimal.TEN)));
        template("t4-sum-stated-total-wrong", 4, v -> v.put("appeals.suit_direct.total",
                v.get("appeals.suit_direct.total").add(BigDecimal.valueOf(2))));
        template("t3-col-stated-total-wrong", 5, v -> v.put("requests.total.legal",
                v.get("requests.total.legal").add(BigDecimal.ONE)));
        template("val-num-negative", 6, v -> v.put("active.penalty", BigDecimal.valueOf(-3)));
        template("val-blank", 7, v -> v.remove("appeals.review.upheld"));
        Path hand = ROOT.resolve("hand-made-moved-tables");
        Files.createDirectories(hand);
        try (XSSFWorkbook wb = HandMade.build(layout, valid(8), new HandMade.Style(6, 2,
                s -> s.replace("本年废止件数", "本年度止件数").replace("（", "("), false, true, false));
                FileOutputStream out = new FileOutputStream(hand.resolve("input.xlsx").toFile())) {
            wb.write(out);
        }
        Path text = ROOT.resolve("hand-made-numbers-as-text");
        Files.createDirectories(text);
        try (XSSFWorkbook wb = HandMade.build(layout, valid(9), new HandMade.Style(2, 0, s -> s, true, false, true));
                FileOutputStream out = new FileOutputStream(text.resolve("input.xlsx").toFile())) {
            wb.write(out);
        }
        Path xls = ROOT.resolve("template-saved-as-xls");
        Files.createDirectories(xls);
        Path tmp = Files.createTempDirectory("golden");
        new TemplateWriter(layout).write(id(), valid(10), tmp.resolve("input.xlsx"), true);
        Files.copy(LibreOffice.convert(tmp.resolve("input.xlsx"), "xls", tmp.resolve("xls")), xls.resolve("input.xls"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
