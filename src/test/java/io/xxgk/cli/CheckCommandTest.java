package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded property: a valid filled workbook has no error; one changed number gives exactly one. */
class CheckCommandTest {

    static final long SEED = 31L;
    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private Map<String, BigDecimal> valid(long seed) {
        return new HashMap<>(Reports.valid(layout, seed));
    }

    private Path write(Map<String, BigDecimal> values, String name) throws Exception {
        Path f = dir.resolve(name);
        Identity id = Identity.empty().with(IdentityField.NAME, "测试局").with(IdentityField.YEAR, "2024");
        new TemplateWriter(layout).write(id, values, f, false);
        return f;
    }

    @Test
    void validWorkbooksHaveNoErrorsAndAllValuesReadBack() throws Exception {
        for (long seed = SEED; seed < SEED + 3; seed++) {
            Map<String, BigDecimal> in = valid(seed);
            Path f = write(in, "ok" + seed + ".xlsx");
            Cli.Result r = Cli.run("check", f.toString(), "--format", "json");
            assertThat(r.code()).as(r.out()).isZero();
            JsonNode root = new ObjectMapper().readTree(r.out()).get(0);
            assertThat(root.get("layout").asText()).isEqualTo("2021");
            assertThat(root.get("agency").get("name").asText()).isEqualTo("测试局");
            for (Map.Entry<String, BigDecimal> e : in.entrySet()) {
                assertThat(root.get("values").get(e.getKey()).decimalValue()).as(e.getKey())
                        .isEqualByComparingTo(e.getValue());
            }
            assertThat(root.get("findings")).allSatisfy(f2 -> assertThat(f2.get("severity").asText()).isNotEqualTo("error"));
        }
    }

    @Test
    void oneChangedNumberGivesExactlyTheExpectedFindingAtItsCell() throws Exception {
        Path f = write(valid(SEED), "one.xlsx");
        String cell;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            var c = Sheets.named(wb, "requests.carried_out.legal");
            cell = "统计表!" + c.getAddress().formatAsString();
            c.setCellValue(c.getNumericCellValue() + 2);
            try (FileOutputStream out = new FileOutputStream(dir.resolve("one-broken.xlsx").toFile())) {
                wb.write(out);
            }
        }
        Cli.Result r = Cli.run("check", dir.resolve("one-broken.xlsx").toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(r.out()).get(0).get("findings");
        JsonNode errors = new ObjectMapper().createArrayNode();
        findings.forEach(x -> {
            if (x.get("severity").asText().equals("error") && x.get("key").asText().endsWith(".legal")) {
                ((ArrayNode) errors).add(x);
            }
        });
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("rule").asText()).isEqualTo("T3-BAL");
        assertThat(errors.get(0).get("cell").asText()).isEqualTo(cell);
        assertThat(errors.get(0).get("difference").asInt()).isEqualTo(2);
    }

    @Test
    void textNumbersBlanksAndWordsAreReportedAsTheRulesSay() throws Exception {
        Path f = write(valid(SEED), "v.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            Sheets.named(wb, "active.license").setCellValue("１，２３４");
            Sheets.named(wb, "active.penalty").setCellValue("/");
            Sheets.named(wb, "active.coercion").setCellValue("三件");
            Sheets.named(wb, "active.regulation.issued").setCellValue(-1);
            try (FileOutputStream out = new FileOutputStream(f.toFile())) {
                wb.write(out);
            }
        }
        Cli.Result r = Cli.run("check", f.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(root.get("values").get("active.license").asInt()).isEqualTo(1234);
        assertThat(root.get("values").get("active.penalty").isNull()).isTrue();
        Map<String, String> rules = new HashMap<>();
        root.get("findings").forEach(x -> rules.put(x.get("key").asText(), x.get("rule").asText()));
        assertThat(rules).containsEntry("active.license", "VAL-TEXT").containsEntry("active.penalty", "VAL-BLANK")
                .containsEntry("active.coercion", "VAL-NUM").containsEntry("active.regulation.issued", "VAL-NUM");
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillChecked() throws Exception {
        Path good = write(valid(SEED), "good.xlsx");
        Path bad = dir.resolve("bad.xlsx");
        Files.writeString(bad, "PK not really a zip");
        Cli.Result r = Cli.run("check", good.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("✓ 通过  " + good, "✗ 无法读取  " + bad);
        assertThat(Cli.run("rules").out()).contains("T3-BAL", "VAL-BLANK");
    }

    @Test
    void aFolderIsReportedInFileOrderThoughCheckedInParallel() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String name = String.format("in/%03d.xlsx", i);
            Files.createDirectories(dir.resolve("in"));
            if (i == 77) {
                Files.writeString(dir.resolve(name), "not a workbook");
            } else {
                Files.copy(i == 0 ? write(valid(SEED), "first.xlsx") : dir.resolve("in/000.xlsx"), dir.resolve(name));
            }
            expected.add(dir.resolve(name).toString());
        }
        Cli.Result r = Cli.run("check", dir.resolve("in").toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(3);
        List<String> files = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).forEach(n -> files.add(n.get("file").asText()));
        assertThat(files).containsExactlyElementsOf(expected);
    }
}
