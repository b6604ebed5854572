package io.xxgk.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Carry-over across years: template from last year, then the cross-year checks. */
class CrossYearTest {

    static final long SEED = 2022L;
    private final Layout layout = Layouts.defaultLayout();

    @TempDir
    Path dir;

    private Path lastYear(String name, String code, long seed) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, seed));
        layout.formulas().keySet().forEach(v::remove);
        Identity id = Identity.empty().with(IdentityField.NAME, name).with(IdentityField.YEAR, "2022")
                .with(IdentityField.CREDIT_CODE, code).with(IdentityField.PHONE, "0591-1234567");
        Path f = dir.resolve("2022").resolve(name + ".xlsx");
        new TemplateWriter(layout).write(id, v, f, true);
        return f;
    }

    /** Fills this year's template like a clerk: the parts, with the carry-in left as pre-filled. */
    private Path fill(Path template, long seed) throws Exception {
        Map<String, BigDecimal> v = Reports.valid(layout, seed);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(template))) {
            for (String c : List.of("natural", "business", "research", "nonprofit", "legal", "other")) {
                BigDecimal carriedIn = BigDecimal.valueOf(Sheets.named(wb, "requests.carried_in." + c).getNumericCellValue());
                BigDecimal results = v.get("requests.total." + c);
                BigDecimal fresh = results.add(BigDecimal.TEN);
                for (var def : layout.cells()) {
                    String k = def.key();
                    if (k.endsWith("." + c) && !layout.isFormula(k) && !k.startsWith("requests.carried_in.")
                            && !k.startsWith("requests.new.") && !k.startsWith("requests.carried_out.")) {
                        Sheets.named(wb, k).setCellValue(v.get(k).doubleValue());
                    }
                }
                Sheets.named(wb, "requests.new." + c).setCellValue(fresh.doubleValue());
                Sheets.named(wb, "requests.carried_out." + c).setCellValue(fresh.add(carriedIn).subtract(results).doubleValue());
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            Path out = dir.resolve("2023").resolve(template.getFileName());
            Files.createDirectories(out.getParent());
            try (FileOutputStream os = new FileOutputStream(out.toFile())) {
                wb.write(os);
            }
            return out;
        }
    }

    @Test
    void theTemplateTakesLastYearsCarryOutIdentityAndStockAndAdvancesTheYear() throws Exception {
        Path last = lastYear("甲局", "914403001922038216", SEED);
        Path t = dir.resolve("甲局-2023.xlsx");
        Cli.Result r = Cli.run("template", "-o", t.toString(), "--previous", last.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, BigDecimal> lastValues = Reports.valid(layout, SEED);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(t))) {
            for (String c : List.of("natural", "business", "research", "nonprofit", "legal", "other")) {
                assertThat(Sheets.named(wb, "requests.carried_in." + c).getNumericCellValue()).as(c)
                        .isEqualTo(lastValues.get("requests.carried_out." + c).doubleValue());
            }
            assertThat(Sheets.named(wb, "requests.carried_in.total").getNumericCellValue())
                    .isEqualTo(lastValues.get("requests.carried_out.total").doubleValue());
            assertThat(Sheets.named(wb, "info.year").getNumericCellValue()).isEqualTo(2023.0);
            assertThat(Sheets.named(wb, "info.credit_code").getStringCellValue()).isEqualTo("914403001922038216");
            assertThat(Sheets.named(wb, "info.phone").getStringCellValue()).isEqualTo("0591-1234567");
            String reference = "行政规范性文件：现行有效 = 上年 " + lastValues.get("active.normative.in_force").toPlainString();
            boolean shown = false;
            for (var row : wb.getSheet("统计表")) {
                Cell c = row.getCell(16);
                shown |= c != null && c.getCellType() == CellType.STRING
                        && c.getStringCellValue().startsWith(reference);
            }
            assertThat(shown).as("last year's in force shown beside table 二").isTrue();
        }
        assertThat(Cli.run("template", "-o", dir.resolve("x.xlsx").toString(), "--previous", last.toString(),
                "--year", "2025").code()).isEqualTo(2);
    }

    @Test
    void aFilledTemplateFromLastYearIsCleanAndOneChangedCarryInGivesOneFindingNamingBothCells() throws Exception {
        Path last = lastYear("乙局", null, SEED + 1);
        Path t = dir.resolve("乙局.xlsx");
        Cli.run("template", "-o", t.toString(), "--previous", last.toString());
        Path filled = fill(t, SEED + 2);
        JsonNode clean = new ObjectMapper().readTree(Cli.run("check", filled.toString(), "--previous", last.toString(),
                "--format", "json").out()).get(0);
        assertThat(rules(clean)).doesNotContain("Y-CARRY", "Y-YEAR", "Y-NONE");
        String cell;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(filled))) {
            Cell c = Sheets.named(wb, "requests.carried_in.legal");
            cell = "统计表!" + c.getAddress().formatAsString();
            c.setCellValue(c.getNumericCellValue() + 1);
            Cell out = Sheets.named(wb, "requests.carried_out.legal");
            out.setCellValue(out.getNumericCellValue() + 1);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            try (FileOutputStream os = new FileOutputStream(filled.toFile())) {
                wb.write(os);
            }
        }
        JsonNode broken = new ObjectMapper().readTree(Cli.run("check", filled.toString(), "--previous",
                last.getParent().toString(), "--format", "json").out()).get(0);
        List<JsonNode> carries = new ArrayList<>();
        broken.get("findings").forEach(f -> {
            if (f.get("rule").asText().equals("Y-CARRY")) {
                carries.add(f);
            }
        });
        assertThat(carries).hasSize(1);
        assertThat(carries.get(0).get("cell").asText()).isEqualTo(cell);
        assertThat(carries.get(0).get("key").asText()).isEqualTo("requests.carried_in.legal");
        assertThat(carries.get(0).get("message").asText()).contains(last.toString(), "统计表!M47");
        assertThat(rules(broken)).doesNotContain("T3-BAL");
    }

    @Test
    void stockArithmeticPairingByCodeOrNameAndAMissingYear() throws Exception {
        Path byCode = lastYear("丙局（旧名）", "914403001922038216", SEED + 3);
        Path byName = lastYear("丁局", null, SEED + 4);
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, SEED + 5));
        layout.formulas().keySet().forEach(v::remove);
        Map<String, BigDecimal> lastC = Reports.valid(layout, SEED + 3);
        // Carry-in as last year's carry-out; normative in force off by 2 from the rolled-forward stock.
        for (String c : List.of("natural", "business", "research", "nonprofit", "legal", "other")) {
            v.put("requests.carried_in." + c, lastC.get("requests.carried_out." + c));
        }
        v.put("active.normative.issued", BigDecimal.valueOf(5));
        v.put("active.normative.repealed", BigDecimal.valueOf(3));
        BigDecimal rolled = lastC.get("active.normative.in_force").add(BigDecimal.valueOf(2));
        v.put("active.normative.in_force", rolled.add(BigDecimal.valueOf(2)));
        v.put("active.regulation.issued", BigDecimal.ZERO);
        v.put("active.regulation.repealed", BigDecimal.ZERO);
        v.put("active.regulation.in_force", lastC.get("active.regulation.in_force"));
        Path c = dir.resolve("2023/丙局.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "丙局")
                .with(IdentityField.CREDIT_CODE, "914403001922038216").with(IdentityField.YEAR, "2023"), v, c, true);
        Path d = dir.resolve("2023/丁局.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "丁局")
                .with(IdentityField.YEAR, "2024"), v, d, true);
        Path e = dir.resolve("2023/戊局.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "戊局")
                .with(IdentityField.YEAR, "2023"), v, e, true);
        JsonNode r = new ObjectMapper().readTree(Cli.run("check", dir.resolve("2023").toString(), "--previous",
                dir.resolve("2022").toString(), "--format", "json").out());
        JsonNode cResult = find(r, c);
        assertThat(rules(cResult)).doesNotContain("Y-CARRY", "Y-NONE");
        assertThat(hasStock(cResult, rolled, rolled.add(BigDecimal.valueOf(2))))
                .as("Y-STOCK: expected %s, actual %s", rolled, rolled.add(BigDecimal.valueOf(2))).isTrue();
        assertThat(rules(cResult).stream().filter("Y-STOCK"::equals)).as("规章 rolls forward exactly").hasSize(1);
        assertThat(rules(find(r, d))).contains("Y-YEAR");
        assertThat(rules(find(r, e))).contains("Y-NONE");
        assertThat(byCode).exists();
        assertThat(byName).exists();
    }

    @Test
    void rosterTemplatesPairEachAgencyWithItsOwnLastYearAndNameThoseWithout() throws Exception {
        lastYear("甲局", "914403001922038216", SEED + 6);
        lastYear("乙局", null, SEED + 7);
        Path roster = dir.resolve("名单.csv");
        Files.writeString(roster, "单位名称,统一社会信用代码\n甲局（新名）,914403001922038216\n乙局,\n丙局,\n");
        Path out = dir.resolve("模板");
        Cli.Result r = Cli.run("template", "--roster", roster.toString(), "--out-dir", out.toString(),
                "--previous", dir.resolve("2022").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("第 4 行“丙局”没有找到上年报表").doesNotContain("甲局（新名）”没有", "“乙局”没有");
        Map<String, BigDecimal> a = Reports.valid(layout, SEED + 6);
        Map<String, BigDecimal> b = Reports.valid(layout, SEED + 7);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("甲局（新名）.xlsx")))) {
            assertThat(Sheets.named(wb, "requests.carried_in.natural").getNumericCellValue())
                    .isEqualTo(a.get("requests.carried_out.natural").doubleValue());
            assertThat(Sheets.named(wb, "info.name").getStringCellValue()).isEqualTo("甲局（新名）");
            assertThat(Sheets.named(wb, "info.year").getNumericCellValue()).isEqualTo(2023.0);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("乙局.xlsx")))) {
            assertThat(Sheets.named(wb, "requests.carried_in.legal").getNumericCellValue())
                    .isEqualTo(b.get("requests.carried_out.legal").doubleValue());
        }
    }

    private static boolean hasStock(JsonNode result, BigDecimal expected, BigDecimal actual) {
        for (JsonNode f : result.get("findings")) {
            if (f.get("rule").asText().equals("Y-STOCK") && f.get("key").asText().equals("active.normative.in_force")) {
                return f.get("expected").decimalValue().compareTo(expected) == 0
                        && f.get("actual").decimalValue().compareTo(actual) == 0
                        && f.get("severity").asText().equals("warning");
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode results, Path file) {
        for (JsonNode r : results) {
            if (r.get("file").asText().equals(file.toString())) {
                return r;
            }
        }
        throw new AssertionError("no result for " + file);
    }

    private static List<String> rules(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("findings").forEach(f -> out.add(f.get("rule").asText()));
        return out;
    }
}
