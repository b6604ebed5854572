package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.FormItem;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.schema.TableForm;
import io.xxgk.testing.Cli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables whose cell separators were all lost: the real crawler record of ../shared/seeds/crawler
 * (transcribed by hand in seeds/crawler/*.json), and the five text seeds printed the same way. Every
 * value the arithmetic (or the narrative) decides is read exactly; what it leaves open is blank with
 * its candidates; no value is ever wrong.
 */
class GluedTablesTest {

    static final Path CRAWLER = SeedsTest.DIR.resolve("crawler/河北省工业和信息化厅-2023-爬虫记录.csv");

    private final Layout layout = Layouts.defaultLayout();

    @TempDir
    Path dir;


    /** The crawler's record as a file: a CSV whose one record is a report, read with its title field. */
    @Test
    void theCrawlerRecordReadsEveryValueWithItsAgencyAndYear() throws Exception {
        CheckResult r = new CheckRunner(layout, null, null).run(CRAWLER);
        Map<String, BigDecimal> expected = PublishedPdfTest.expected(SeedsTest.DIR.resolve("crawler/河北省工业和信息化厅-2023.json"));
        assertThat(expected).hasSize(layout.cells().size());
        for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
            assertThat(r.values().get(e.getKey())).as(e.getKey()).isEqualByComparingTo(e.getValue());
        }
        assertThat(r.identity().get(IdentityField.NAME)).contains("河北省工业和信息化厅");
        assertThat(r.identity().get(IdentityField.YEAR)).contains("2023");
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::message).isEmpty();
        // The one row the arithmetic leaves open (table 二 has no totals) is decided by what the narrative says.
        assertThat(r.findings()).filteredOn(f -> "active.normative.issued".equals(f.key())).extracting(Finding::message)
                .singleElement().asString().contains("1 | 1 | 26", "废止1件");
    }

    /**
     * The same page wrapped at a fixed width, as a crawler or a mail program leaves it: titles, labels and
     * digit runs broken over lines are read as the one line they were (every value, each on its own line).
     */
    @ParameterizedTest(name = "wrapped at {0}")
    @ValueSource(ints = {33, 57, 80})
    void aGluedPageWrappedAtAnyWidthReadsTheSame(int width) throws Exception {
        CsvReports.Record record = CsvReports.records(CRAWLER).get(0);
        StringBuilder text = new StringBuilder(record.title()).append("\n\n");
        for (int i = 0; i < record.content().length(); i += width) {
            text.append(record.content(), i, Math.min(record.content().length(), i + width)).append('\n');
        }
        CheckResult r = Checker.check(new TextReportReader(layout).read(text.toString(), "wrapped.txt"));
        Map<String, BigDecimal> expected = PublishedPdfTest.expected(SeedsTest.DIR.resolve("crawler/河北省工业和信息化厅-2023.json"));
        for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
            assertThat(r.values().get(e.getKey())).as(e.getKey()).isEqualByComparingTo(e.getValue());
        }
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        // 行政规范性文件's split is said on the line where its digits start (not the page's first line).
        String line = r.findings().stream().filter(f -> "active.normative.issued".equals(f.key())).findFirst().orElseThrow().cell();
        int n = Integer.parseInt(line.replaceAll("\\D", ""));
        String[] lines = text.toString().split("\n", -1);
        assertThat(lines[n - 2] + lines[n - 1] + lines[n]).contains("行政规范性文件1126");
        assertThat(n).isGreaterThan(3);
    }

    /**
     * What a person reads: the thirty-one rows split the only way there is are one line (with an example and
     * where to see each), the split decided by the narrative its own; the JSON keeps every row's finding.
     */
    @Test
    void rowsSplitTheOnlyWayThereIsAreOneLineForAPerson() throws Exception {
        Cli.Result text = Cli.run("check", CRAWLER.toString());
        assertThat(text.out()).contains("有 31 行的数字连在一起（或相同的数只印了一个），每行只有一种拆法")
                .contains("xxgk import --show").contains("“行政规范性文件”这一行的数字连在一起（1126）")
                .doesNotContain("“（七）总计”这一行");
        JsonNode json = new ObjectMapper().readTree(Cli.run("check", CRAWLER.toString(), "--format", "json").out());
        assertThat(json.get(0).get("findings").findValuesAsText("rule").stream().filter("READ-SPLIT"::equals)).hasSize(32);
    }

    /** Without the narrative's figures, 1126 may be 1|1|26, 1|12|6 or 11|2|6: blank, the three listed. */
    @Test
    void aSplitNothingDecidesIsBlankWithItsCandidates() throws Exception {
        String text = CsvReports.records(CRAWLER).get(0).text()
                .replace("我厅制发的规范性文件1件、", "")
                .replace("全年制发厅规范性文件1件、废止1件。", "");
        CheckResult r = Checker.check(new TextReportReader(layout).read(text, "record.txt"));
        assertThat(r.values().get("active.normative.issued")).isNull();
        assertThat(r.values().get("active.normative.in_force")).isNull();
        Finding f = r.findings().stream().filter(x -> "active.normative.issued".equals(x.key())).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("1 | 1 | 26", "1 | 12 | 6", "11 | 2 | 6");
        assertThat(r.values().get("requests.total.total")).isEqualByComparingTo("10");
    }

    /** 3100 is 3|10|0 or 31|0|0: 现行有效 is 0 either way and is read; 制发 and 废止 stay open, listed. */
    @Test
    void cellsEveryFittingSplitAgreesOnAreReadTheRestListed() throws Exception {
        String text = CsvReports.records(CRAWLER).get(0).text().replace("行政规范性文件1126", "行政规范性文件3100")
                .replace("全年制发厅规范性文件1件、废止1件。", "").replace("我厅制发的规范性文件1件、", "");
        CheckResult r = Checker.check(new TextReportReader(layout).read(text, "record.txt"));
        assertThat(r.values().get("active.normative.in_force")).isEqualByComparingTo("0");
        assertThat(r.values().get("active.normative.issued")).isNull();
        assertThat(r.values().get("active.normative.repealed")).isNull();
        assertThat(r.findings()).filteredOn(f -> "active.normative.issued".equals(f.key()))
                .extracting(Finding::message).singleElement().asString().contains("3 | 10 | 0", "31 | 0 | 0");
        assertThat(r.findings()).filteredOn(f -> "active.normative.in_force".equals(f.key()))
                .extracting(Finding::message).singleElement().asString().contains("现行有效件数 0");
    }

    /**
     * A converter's Markdown of seed 003's table 三: invented headers (| 数据1 | … |) over each row's numbers,
     * and the three labels of （四）无法提供 stacked over their three rows of numbers. Which row is whose
     * the sums cannot tell: only the columns where the rows agree are read; never 32 under a 0 row.
     */
    @Test
    void labelsStackedOverRowsOfNumbersAreReadOnlyWhereEveryPlacementAgrees() throws Exception {
        Map<String, BigDecimal> expected = PublishedPdfTest.expected(SeedsTest.DIR.resolve("003.json"));
        TableForm three = layout.forms().get(1);
        Map<Integer, List<FormItem.Slot>> rows = new TreeMap<>();
        three.slots().forEach(sl -> rows.computeIfAbsent(sl.row(), k -> new ArrayList<>()).add(sl));
        StringBuilder md = new StringBuilder("# 鲤城区2023年政府信息公开工作年度报告\n\n## ").append(three.title()).append("\n\n");
        List<String> stackedKeys = List.of("requests.unable_not_held", "requests.unable_to_create", "requests.unable_unclear");
        List<String> held = new ArrayList<>();
        for (List<FormItem.Slot> slots : rows.values()) {
            slots.sort(Comparator.comparingInt(FormItem.Slot::col));
            String rowKey = slots.get(0).key().substring(0, slots.get(0).key().lastIndexOf('.'));
            String numbers = "| " + slots.stream().map(sl -> String.valueOf(expected.get(sl.key()))).collect(
                    Collectors.joining(" | ")) + " |\n";
            md.append(layout.cell(slots.get(0).key()).orElseThrow().rowLabel().replace("\n", "")).append('\n');
            if (stackedKeys.contains(rowKey)) {
                held.add(numbers);
                if (held.size() < stackedKeys.size()) {
                    continue;
                }
                md.append("| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n|---|---|---|---|---|---|---|\n");
                held.forEach(md::append);
                continue;
            }
            md.append("| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n|---|---|---|---|---|---|---|\n").append(numbers);
        }
        CheckResult r = Checker.check(new TextReportReader(layout).read(md.toString(), "鲤城区.md"));
        assertThat(expected.get("requests.unable_not_held.natural")).isEqualByComparingTo("32");
        for (FormItem.Slot sl : three.slots()) {
            BigDecimal got = r.values().get(sl.key());
            boolean stacked = stackedKeys.stream().anyMatch(k -> sl.key().startsWith(k + "."));
            if (stacked && (sl.key().endsWith(".natural") || sl.key().endsWith(".total"))) {
                assertThat(got).as(sl.key()).isNull();
            } else {
                assertThat(got).as(sl.key()).isEqualByComparingTo(expected.get(sl.key()));
            }
        }
        assertThat(r.findings()).filteredOn(f -> "requests.unable_not_held.natural".equals(f.key()))
                .extracting(Finding::message).singleElement().asString().contains("叠在一起", "32 | 0 | 0 | 0 | 0 | 0 | 32");
    }

    /** import --show and its JSON say of each value whether it was read, solved (and by what) or not read (and why). */
    @Test
    void importShowsHowEachValueWasHad() throws Exception {
        String text = CsvReports.records(CRAWLER).get(0).text().replace("全年制发厅规范性文件1件、废止1件。", "")
                .replace("我厅制发的规范性文件1件、", "");
        Path report = dir.resolve("河北省工业和信息化厅.txt");
        Files.writeString(report, text);
        Cli.Result shown = Cli.run("import", "--show", report.toString());
        assertThat(shown.out()).contains("二  规章：0 | 0 | 0  ［拆分得出：“规章”这一行的数字连在一起（000），位数与格数相同")
                .contains("二  行政规范性文件：? | ? | ?  ［未读取：“行政规范性文件”这一行的数字连在一起（1126），加总关系和正文都不能确定怎样拆开，可能是：1 | 1 | 26")
                .contains("三  （七）总计：8 | 1 | 0 | 1 | 0 | 0 | 10  ［拆分得出：");
        Cli.Result json = Cli.run("import", report.toString(), "--format", "json");
        JsonNode reading = new ObjectMapper().readTree(json.out()).get(0).get("reading");
        assertThat(reading.get("active.normative.in_force").get("how").asText()).isEqualTo("unread");
        assertThat(reading.get("active.normative.in_force").get("why").asText()).contains("11 | 2 | 6");
        assertThat(reading.get("requests.new.total").get("how").asText()).isEqualTo("solved");
        assertThat(reading.get("requests.new.total").get("why").asText()).contains("8 | 1 | 0 | 1 | 0 | 0 | 10");
        assertThat(reading).hasSize(layout.cells().size());
        // A report whose cells stand apart is read, not solved.
        Cli.Result seed = Cli.run("import", SeedsTest.DIR.resolve("002.txt").toString(), "--format", "json");
        assertThat(new ObjectMapper().readTree(seed.out()).get(0).get("reading").get("requests.new.total").get("how").asText())
                .isEqualTo("read");
    }

    /**
     * A seed printed as a crawled page prints it: each table one line, header words run together, every
     * row's label followed by its numbers as one digit string. (Empty cells are printed 0: a page that
     * loses its separators loses empty cells without a trace, and no reader can place them.)
     */
    static String glued(Layout layout, Map<String, BigDecimal> values, String title) {
        StringBuilder out = new StringBuilder(title).append("\n　　一、总体情况　　本年度工作情况如下。\n");
        List<String> titles = layout.forms().stream().map(TableForm::title).toList();
        for (String cell : printed(layout, values)) {
            out.append(titles.contains(cell) ? "　　" : "").append(cell);
        }
        return out.append("　　五、存在的主要问题及改进情况　　无。\n").toString();
    }

    /** The tables' cells in the order a page prints them: each title, its header words, each row's label and numbers. */
    static List<String> printed(Layout layout, Map<String, BigDecimal> values) {
        List<String> out = new ArrayList<>();
        for (TableForm form : layout.forms()) {
            out.add(form.title());
            Map<Integer, List<FormItem.Slot>> rows = new TreeMap<>();
            form.slots().forEach(s -> rows.computeIfAbsent(s.row(), k -> new ArrayList<>()).add(s));
            boolean labelled = form.labels().stream().anyMatch(l -> l.role() == FormItem.Role.ROW);
            form.labels().stream().filter(l -> l.role() != FormItem.Role.ROW).forEach(l -> out.add(l.text().replace("\n", "")));
            for (List<FormItem.Slot> slots : rows.values()) {
                slots.sort(Comparator.comparingInt(FormItem.Slot::col));
                if (labelled) {
                    out.add(layout.cell(slots.get(0).key()).orElseThrow().rowLabel().replace("\n", ""));
                }
                for (FormItem.Slot s : slots) {
                    BigDecimal v = values.get(s.key());
                    out.add(v == null ? "0" : v.toPlainString());
                }
            }
        }
        return out;
    }

    /**
     * A seed printed one cell per line, as an archive's de-duplicating text extractor leaves it: of a run
     * of equal lines only one is kept (a row of seven 0 is one 0; 1 0 0 0 0 0 1 is 1, 0, 1).
     */
    static String collapsed(Layout layout, Map<String, BigDecimal> values, String title) {
        List<String> lines = new ArrayList<>(List.of(title, "一、总体情况", "本年度工作情况如下。"));
        lines.addAll(printed(layout, values));
        lines.add("五、存在的主要问题及改进情况");
        List<String> kept = new ArrayList<>();
        for (String l : lines) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(l)) {
                kept.add(l);
            }
        }
        return String.join("\n", kept) + "\n";
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void aSeedWithRepeatedLinesCollapsedIsReadExactlyOrLeftBlankNeverWrong(String seed) throws Exception {
        int read = readPrinted(seed, GluedTablesTest::collapsed);
        assertThat(read).as("values read of %d", layout.cells().size()).isGreaterThanOrEqualTo(COLLAPSED_READ.get(seed));
    }

    /**
     * Table 四 collapsed into one run of numbers (seed 000: 0 6 0 6 0 for fifteen cells): the cells every way
     * agrees on are named with their group (行政复议·结果维持, 复议后起诉·结果维持): the column alone said 结果维持 twice.
     */
    @Test
    void cellsReadInPartAcrossTableFoursGroupsAreNamedWithTheirGroup() throws Exception {
        Map<String, BigDecimal> values = PublishedPdfTest.expected(SeedsTest.DIR.resolve("000.json"));
        values.replaceAll((k, v) -> v == null ? BigDecimal.ZERO : v);
        CheckResult r = Checker.check(new TextReportReader(layout).read(collapsed(layout, values, "某某局2023年政府信息公开工作年度报告"),
                "000.txt"));
        String part = r.findings().stream().filter(f -> f.key() != null && f.key().startsWith("appeals.")
                && f.severity() == Severity.WARNING).map(Finding::message).findFirst().orElseThrow();
        assertThat(part).contains("0 6 0 6 0", "行政复议·结果维持 0", "复议后起诉·结果维持 0", "复议后起诉·总计 0")
                .doesNotContain("、结果维持");
    }

    /** Values each collapsed seed gives back (a ratchet: raise when more is decided, never lower). */
    private static final Map<String, Integer> COLLAPSED_READ = Map.of("000", 185, "001", 185, "002", 200, "003", 185, "004", 200);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void aSeedPrintedGluedIsReadExactlyOrLeftBlankNeverWrong(String seed) throws Exception {
        int read = readPrinted(seed, GluedTablesTest::glued);
        // Only a row of table 二 (no totals there) may stay open: 三 and 四 are decided by their sums.
        assertThat(read).as("values read of %d", layout.cells().size()).isGreaterThanOrEqualTo(layout.cells().size() - 3);
    }

    /** How a seed's figures are printed into a report's text. */
    @FunctionalInterface
    private interface Printer {
        String print(Layout layout, Map<String, BigDecimal> values, String title);
    }

    /** A seed's figures (empty cells as 0) printed so and read: no value wrong, how many read. */
    private int readPrinted(String seed, Printer printer) throws Exception {
        Map<String, BigDecimal> expected = PublishedPdfTest.expected(SeedsTest.DIR.resolve(seed + ".json"));
        expected.replaceAll((k, v) -> v == null ? BigDecimal.ZERO : v);
        return readExactlyOrSaid(printer.print(layout, expected, "某某局2023年政府信息公开工作年度报告"), seed, expected);
    }

    /** Reads {@code text}: no value wrong, every value not read said by an error on its row; how many were read. */
    private int readExactlyOrSaid(String text, String seed, Map<String, BigDecimal> expected) throws Exception {
        CheckResult r = Checker.check(new TextReportReader(layout).read(text, seed + ".txt"));
        int read = 0;
        List<String> wrong = new ArrayList<>();
        for (CellDef def : layout.cells()) {
            BigDecimal got = r.values().get(def.key());
            if (got == null) {
                // Left open: said by an error on its row (table 四, printed as one block, on its first cell).
                assertThat(r.findings()).as(def.key()).anyMatch(f -> f.severity() == Severity.ERROR && f.key() != null
                        && (layout.cell(f.key()).orElseThrow().rowKey().equals(def.rowKey())
                        || def.table().equals("四") && layout.cell(f.key()).orElseThrow().table().equals("四")));
            } else if (got.compareTo(expected.get(def.key())) == 0) {
                read++;
            } else {
                wrong.add(def.key() + "=" + got + " (expected " + expected.get(def.key()) + ")");
            }
        }
        assertThat(wrong).as("values read wrong").isEmpty();
        return read;
    }
}
