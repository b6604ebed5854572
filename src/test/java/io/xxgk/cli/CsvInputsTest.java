package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.ingest.text.CsvReports;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV inputs: the tables saved as CSV by LibreOffice (src/test/resources/csv/make.sh) read like the
 * workbook they came from, in UTF-8, GBK and with CR line ends; a crawler's dataset of reports (one
 * record each, a header line, quoted text with line breaks) counted, read, named and imported record by
 * record; a roster saved as CSV beside them is no input.
 */
class CsvInputsTest {

    private static final Path GRID = Path.of("src/test/resources/csv/上杭县-统计表-LibreOffice.csv");
    private static final Path WORKBOOK = Path.of("examples/2023/上杭县人民政府办公室.xlsx");
    private static final Path CRAWLER = Path.of("src/test/resources/seeds/crawler/河北省工业和信息化厅-2023-爬虫记录.csv");

    private final Layout layout = Layouts.defaultLayout();

    @TempDir
    Path dir;

    private void assertSameValues(CheckResult csv, CheckResult workbook) {
        assertThat(csv.unreadable()).isFalse();
        for (CellDef c : layout.cells()) {
            BigDecimal want = workbook.values().get(c.key());
            BigDecimal got = csv.values().get(c.key());
            assertThat(got).as(c.key()).isNotNull();
            assertThat(got).as(c.key()).isEqualByComparingTo(want);
        }
        assertThat(csv.hasErrors()).as(csv.findings().toString()).isFalse();
    }

    @Test
    void theTablesSavedAsCsvReadLikeTheWorkbookInEveryEncodingAndLineEnd() throws Exception {
        CheckRunner runner = new CheckRunner(layout, null, null);
        CheckResult workbook = runner.run(WORKBOOK);
        assertSameValues(runner.run(GRID), workbook);
        String text = Files.readString(GRID);
        // Excel on Chinese Windows saves CSV in GBK; old Mac programs end lines with CR alone.
        Path gbk = dir.resolve("上杭县-GBK.csv");
        Files.write(gbk, text.replace("\n", "\r\n").getBytes(Charset.forName("GBK")));
        assertSameValues(runner.run(gbk), workbook);
        Path cr = dir.resolve("上杭县-CR.csv");
        Files.writeString(cr, "\uFEFF" + text.replace("\r\n", "\n").replace('\n', '\r'));
        assertSameValues(runner.run(cr), workbook);
        // A cell is named as a spreadsheet opening the file names it.
        assertThat(runner.run(GRID).location("active.normative.in_force")).isEqualTo("CSV!M7");
    }

    /** A dataset: a header line, the crawler's record, a second report (seed 002's text), a record of no report. */
    private Path dataset() throws Exception {
        String record = Files.readString(CRAWLER);
        String seed = Files.readString(Path.of("src/test/resources/seeds/002.txt")).replace("\"", "\"\"");
        String csv = "标题,时间,内容,一级类别,来源网站,访问地址\r\n" + record.strip() + "\r\n"
                + "上杭县人民政府办公室2023年政府信息公开工作年度报告,2024-01-20,\"" + seed + "\",年报,x,y\r\n"
                + "关于网站改版的公告,2024-02-01,本网站将于近日改版。,公告,x,y\r\n";
        Path f = dir.resolve("收集/年报数据集.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, csv);
        Files.writeString(dir.resolve("收集/名单.csv"), "单位名称,统一社会信用代码\n上杭县人民政府办公室,\n");
        return f;
    }

    @Test
    void eachRecordOfADatasetIsAReportOfItsOwnInCheckMergeAndImport() throws Exception {
        Path data = dataset();
        Cli.Result check = Cli.run("check", data.getParent().toString(), "--format", "json");
        JsonNode results = new ObjectMapper().readTree(check.out());
        JsonNode files = results.isArray() ? results : results.get("files");
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.get("file").asText()));
        assertThat(names).containsExactly(
                data + " 第 1 条（河北省工业和信息化厅2023年度政府信息公开工作报告）",
                data + " 第 2 条（上杭县人民政府办公室2023年政府信息公开工作年度报告）");
        assertThat(check.err()).contains("名单.csv（这个 CSV 不是另存为 CSV 的统计表，也不是报告数据集").doesNotContain("年报数据集.csv（");
        assertThat(check.code()).isZero();
        // The roster given as an input on its own: said what it is not, not "a format not read" (.csv is one).
        Cli.Result roster = Cli.run("check", data.getParent().resolve("名单.csv").toString());
        assertThat(roster.out()).contains("这个 CSV 不是另存为 CSV 的统计表，也不是报告数据集").doesNotContain("可读取：");

        // The same two reports as JSON lines: the same two inputs.
        ObjectMapper mapper = new ObjectMapper();
        List<String> jsonLines = new ArrayList<>();
        for (CsvReports.Record rec : CsvReports.records(data)) {
            jsonLines.add(mapper.writeValueAsString(Map.of("title", rec.title(), "time", rec.time(), "content", rec.content())));
        }
        Path jsonl = dir.resolve("年报数据集.jsonl");
        Files.write(jsonl, jsonLines);
        JsonNode fromJson = mapper.readTree(Cli.run("check", jsonl.toString(), "--format", "json").out());
        assertThat(fromJson).hasSize(2);
        assertThat(fromJson.get(0).get("file").asText()).isEqualTo(jsonl + " 第 1 条（河北省工业和信息化厅2023年度政府信息公开工作报告）");
        assertThat(fromJson.get(1).get("values")).isEqualTo(files.get(1).get("values"));
        // A line that is no JSON record: the file cannot be read, and the line is named.
        Files.write(jsonl, List.of(jsonLines.get(0), "不是 JSON"));
        Cli.Result broken = Cli.run("check", jsonl.toString());
        assertThat(broken.code()).isEqualTo(3);
        assertThat(broken.out()).contains("第 2 行不是一条 JSON 记录").doesNotContain("Exception");

        // import --show names each record as the other commands do, not by the run's file of it.
        Cli.Result shown = Cli.run("import", "--show", data.toString());
        assertThat(shown.out()).contains(data + " 第 2 条（上杭县人民政府办公室2023年政府信息公开工作年度报告）（按 2021 年版表样读取）")
                .doesNotContain("record-");

        Path summary = dir.resolve("汇总.xlsx");
        Cli.Result merge = Cli.run("merge", data.toString(), "-o", summary.toString());
        assertThat(merge.code()).as(merge.err()).isZero();
        assertThat(merge.err()).contains("2/2");

        Path out = dir.resolve("导入");
        Cli.Result imp = Cli.run("import", data.toString(), "-o", out.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(out.resolve("河北省工业和信息化厅-2023.xlsx")).exists();
        assertThat(out.resolve("上杭县人民政府办公室-2023.xlsx")).exists();
        assertThat(imp.err()).contains("第 1 条（河北省工业和信息化厅2023年度政府信息公开工作报告） → ");
        // The imported workbook checks with the record's numbers (the glued split kept).
        Cli.Result again = Cli.run("check", out.resolve("河北省工业和信息化厅-2023.xlsx").toString(), "--format", "json");
        assertThat(again.out()).contains("河北省工业和信息化厅");
        CheckResult hebei = new CheckRunner(layout, null, null).run(out.resolve("河北省工业和信息化厅-2023.xlsx"));
        assertThat(hebei.values().get("active.normative.in_force")).isEqualByComparingTo("26");
        assertThat(hebei.values().get("appeals.suit_direct.upheld")).isEqualByComparingTo("3");
    }
}
