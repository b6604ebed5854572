package io.xxgk.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.ingest.text.CsvReports;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Last year's report as evidence for a published report's row left open (issue 24): the crawler's record
 * of 河北省工业和信息化厅 2023 without the narrative's 制发/废止 sentences leaves 行政规范性文件1126 open
 * (1|1|26, 1|12|6 or 11|2|6). Last year's 现行有效 26 leaves one way (26 = 26 + 1 − 1): read, with a warning
 * naming last year's file and figure; 25 leaves none: open as before. Check and merge alike.
 */
class LastYearEvidenceTest {

    private static final Path CRAWLER = Path.of("src/test/resources/seeds/crawler/河北省工业和信息化厅-2023-爬虫记录.csv");

    @TempDir
    Path dir;

    /** The record as a text file, the narrative's figures of 制发 and 废止 taken out. */
    private Path report() throws Exception {
        return report("1126");
    }

    /** The same with the row 行政规范性文件 printed {@code digits}. */
    private Path report(String digits) throws Exception {
        String text = CsvReports.records(CRAWLER).get(0).text()
                .replace("行政规范性文件1126", "行政规范性文件" + digits)
                .replace("我厅制发的规范性文件1件、", "")
                .replace("全年制发厅规范性文件1件、废止1件。", "");
        return Files.writeString(dir.resolve("河北省工业和信息化厅2023年报告.txt"), text);
    }

    /** Last year's workbook of the same agency: 2022, 行政规范性文件 现行有效 {@code inForce}. */
    private Path lastYear(int inForce) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("2022-" + inForce));
        new TemplateWriter(Layouts.defaultLayout()).write(Identity.empty().with(IdentityField.NAME, "河北省工业和信息化厅")
                .with(IdentityField.YEAR, "2022"), Map.of("active.normative.in_force", BigDecimal.valueOf(inForce)),
                folder.resolve("河北省工业和信息化厅.xlsx"), false);
        return folder;
    }

    /** {@code check REPORT --previous LAST --format json}: the report's result. */
    private static JsonNode checked(Path report, Path last) throws Exception {
        return new ObjectMapper().readTree(Cli.run("check", report.toString(), "--previous", last.toString(),
                "--format", "json").out()).get(0);
    }

    private static JsonNode findingsOf(JsonNode result, String key) {
        List<JsonNode> out = new ArrayList<>();
        result.get("findings").forEach(f -> {
            if (key.equals(f.path("key").asText())) {
                out.add(f);
            }
        });
        return new ObjectMapper().valueToTree(out);
    }

    @Test
    void lastYearsStockDecidesTheOneCutThatRollsItForward() throws Exception {
        Path report = report();
        Path last = lastYear(26);
        JsonNode r = checked(report, last);
        assertThat(r.get("values").get("active.normative.issued").asInt()).isEqualTo(1);
        assertThat(r.get("values").get("active.normative.repealed").asInt()).isEqualTo(1);
        assertThat(r.get("values").get("active.normative.in_force").asInt()).isEqualTo(26);
        JsonNode said = findingsOf(r, "active.normative.issued");
        assertThat(said).hasSize(1);
        assertThat(said.get(0).get("rule").asText()).isEqualTo("READ-SPLIT");
        assertThat(said.get(0).get("severity").asText()).isEqualTo("warning");
        assertThat(said.get(0).get("message").asText()).contains("1126", "河北省工业和信息化厅.xlsx", "现行有效 26 件", "1 | 1 | 26");
        // The roll-forward it relied on holds then: no Y-STOCK; nothing else of the report changed.
        assertThat(r.get("findings").findValuesAsText("rule")).doesNotContain("Y-STOCK").doesNotContain("READ");
        assertThat(r.get("values").get("requests.total.total").asInt()).isEqualTo(10);
    }

    @Test
    void aStockNoWayRollsForwardLeavesTheRowOpen() throws Exception {
        Path report = report();
        JsonNode r = checked(report, lastYear(25));
        assertThat(r.get("values").get("active.normative.issued").isNull()).isTrue();
        JsonNode open = findingsOf(r, "active.normative.issued");
        assertThat(open.findValuesAsText("rule")).containsExactly("READ");
        assertThat(open.get(0).get("message").asText()).contains("1 | 1 | 26", "1 | 12 | 6", "11 | 2 | 6");
    }

    /** A merge reads its inputs with last year's reports at hand: the same row decided, the same words. */
    @Test
    void aMergeTakesTheSameEvidence() throws Exception {
        Path report = report();
        Path last = lastYear(26);
        JsonNode m = new ObjectMapper().readTree(Cli.run("merge", report.toString(), "--previous", last.toString(),
                "--format", "json").out());
        assertThat(m.get("values").get("active.normative.in_force").asInt()).isEqualTo(26);
        assertThat(m.get("values").get("active.normative.issued").asInt()).isEqualTo(1);
        assertThat(m.get("input_findings").findValuesAsText("message")).anyMatch(s -> s.contains("按上年报表"));
    }

    /** import --previous: the workbook written takes the row decided; --show says how, row by row; the JSON too. */
    @Test
    void importTakesLastYearsReportsToo() throws Exception {
        Path report = report();
        Path last = lastYear(26);
        Path out = dir.resolve("导入.xlsx");
        Cli.Result written = Cli.run("import", report.toString(), "--previous", last.toString(), "-o", out.toString(),
                "--format", "json");
        JsonNode r = new ObjectMapper().readTree(written.out()).get(0);
        assertThat(r.get("values").get("active.normative.in_force").asInt()).isEqualTo(26);
        assertThat(r.get("reading").get("active.normative.issued").get("how").asText()).isEqualTo("solved");
        assertThat(r.get("reading").get("active.normative.issued").get("why").asText()).contains("按上年报表");
        JsonNode back = new ObjectMapper().readTree(Cli.run("check", out.toString(), "--format", "json").out()).get(0);
        assertThat(back.get("values").get("active.normative.repealed").asInt()).isEqualTo(1);
        String shown = Cli.run("import", "--show", report.toString(), "--previous", last.toString()).out();
        assertThat(shown).contains("二  行政规范性文件：1 | 1 | 26  ［拆分得出：").contains("现行有效 26 件");
        // Without last year's reports the same row is open, as before.
        assertThat(Cli.run("import", "--show", report.toString()).out()).contains("二  行政规范性文件：? | ? | ?");
    }

    /**
     * 3100 is 3|10|0 or 31|0|0: 现行有效 0 is read either way, 制发 and 废止 stay open; last year's 7 in force
     * leaves 3|10|0 (0 = 7 + 3 − 10). The row is then said once, by last year's evidence (not also as read in part).
     */
    @Test
    void aRowReadInPartIsDecidedWholeAndSaidOnce() throws Exception {
        Path report = report("3100");
        Path last = lastYear(7);
        JsonNode r = checked(report, last);
        assertThat(r.get("values").get("active.normative.issued").asInt()).isEqualTo(3);
        assertThat(r.get("values").get("active.normative.repealed").asInt()).isEqualTo(10);
        assertThat(r.get("values").get("active.normative.in_force").asInt()).isEqualTo(0);
        List<String> said = new ArrayList<>();
        for (String key : List.of("active.normative.issued", "active.normative.repealed", "active.normative.in_force")) {
            findingsOf(r, key).forEach(f -> said.add(f.get("message").asText()));
        }
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).contains("3100", "现行有效 7 件", "3 | 10 | 0");
        JsonNode reading = new ObjectMapper().readTree(Cli.run("import", report.toString(), "--previous",
                last.toString(), "--format", "json").out()).get(0).get("reading");
        assertThat(reading.get("active.normative.in_force").get("why").asText()).contains("现行有效 7 件");
    }
}
