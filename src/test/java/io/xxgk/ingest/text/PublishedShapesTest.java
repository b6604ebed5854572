package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes of ../shared/domain/PUBLISHED.md, one test each: a real report's quirk planted in the
 * seed 003 figures, as a web page's table (read as a grid) or as Word text (read by lines). Every
 * value exact, the quirk said where the reader had to interpret.
 */
class PublishedShapesTest {

    private final Layout layout = Layouts.defaultLayout();
    private Map<String, BigDecimal> figures;

    @TempDir
    Path dir;

    private Map<String, BigDecimal> figures() throws Exception {
        if (figures == null) {
            figures = PublishedPdfTest.expected(SeedsTest.DIR.resolve("003.json"));
        }
        return figures;
    }

    /** Seed 003 as a web page, changed by {@code edit}, read and checked. */
    private CheckResult page(Consumer<Document> edit) throws Exception {
        Document doc = Jsoup.parse(ReportHtml.render(layout, "鲤城区2023年政府信息公开工作年度报告", figures()));
        edit.accept(doc);
        Path f = dir.resolve("page.html");
        Files.writeString(f, doc.outerHtml());
        CheckResult r = Checker.check(new TextReportReader(layout).read(f));
        // Read from the tables as grids, not from the page's lines.
        for (Map.Entry<String, BigDecimal> e : figures().entrySet()) {
            if (e.getValue() != null) {
                assertThat(r.location(e.getKey())).as(e.getKey()).startsWith("表格");
            }
        }
        return r;
    }

    private CheckResult text(String from, String to) throws Exception {
        String seed = Files.readString(SeedsTest.DIR.resolve("003.txt"));
        String changed = seed.replace(from, to);
        assertThat(changed).as("the seed holds " + from).isNotEqualTo(seed);
        return Checker.check(new TextReportReader(layout).read(changed, "鲤城区.txt"));
    }

    private void assertExact(CheckResult r) throws Exception {
        for (Map.Entry<String, BigDecimal> e : figures().entrySet()) {
            if (e.getValue() != null) {
                assertThat(r.values().get(e.getKey())).as(e.getKey()).isEqualByComparingTo(e.getValue());
            }
        }
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::message).isEmpty();
    }

    private static Element cell(Document doc, String text) {
        return doc.select("td").stream().filter(td -> td.text().equals(text)).findFirst().orElseThrow();
    }

    /**
     * Reports that print the six narrative sections first and the tables after them, numbered 一、二、三
     * or 附表1–3 (Shanghai), or with no number: every value read as from the official titles; a
     * narrative heading "（二）主动公开政府信息情况" before them is not taken for the table, nor are
     * narrative sections headed with the official titles.
     */
    @Test
    void tablesAfterTheNarrativeUnderOtherNumbers() throws Exception {
        String seed = Files.readString(SeedsTest.DIR.resolve("003.txt"));
        String[] titles = {"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"};
        int tables = seed.indexOf(titles[0]);
        int after = seed.indexOf("五、存在的主要问题及改进情况");
        assertThat(tables).isPositive().isLessThan(after);
        String[][] numbers = {{"一、", "二、", "三、"}, {"附表1：", "附表2：", "附表3："}, {"附表一 ", "附表二 ", "附表三 "},
            {"表1 ", "表2 ", "表3 "}, {"", "", ""}};
        for (String[] number : numbers) {
            String block = seed.substring(tables, after);
            for (int t = 0; t < 3; t++) {
                block = block.replace(titles[t], number[t] + titles[t].substring(2) + (t == 0 ? "统计表" : ""));
            }
            String text = seed.substring(0, tables) + "（二）主动公开政府信息情况\n本年主动公开政府信息 2139 条。\n\n"
                    + seed.substring(after) + "\n\n" + block;
            CheckResult r = Checker.check(new TextReportReader(layout).read(text, "鲤城区.txt"));
            assertExact(r);
            assertThat(r.findings()).as(number[0]).extracting(Finding::rule).doesNotContain("READ");
        }
        // …and narrative sections headed with the official titles before the tables: the tables are
        // read from the titles that the tables' labels follow.
        String block = seed.substring(tables, after);
        for (int t = 0; t < 3; t++) {
            block = block.replace(titles[t], "附表" + (t + 1) + " " + titles[t].substring(2));
        }
        String narrative = titles[0] + "\n本年度主动公开政府信息 2139 条，其中行政许可 66241 件。\n\n" + titles[1]
                + "\n本年度收到申请 7 件，均已按时答复。\n\n" + titles[2] + "\n行政复议 5 件，行政诉讼 2 件。\n\n";
        String text = seed.substring(0, tables) + narrative + seed.substring(after) + "\n\n" + block;
        CheckResult r = Checker.check(new TextReportReader(layout).read(text, "鲤城区.txt"));
        assertExact(r);
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain("READ");
    }

    /**
     * A table of contents before the report lists the section titles with their pages: the tables
     * start at the titles their labels follow, not at the contents' lines (which gave 32 READ errors).
     */
    @Test
    void aTableOfContentsBeforeTheReport() throws Exception {
        String contents = "目录\n一、总体情况 1\n二、主动公开政府信息情况 3\n三、收到和处理政府信息公开申请情况 4\n"
                + "四、政府信息公开行政复议、行政诉讼情况 6\n五、存在的主要问题及改进情况 7\n六、其他需要报告的事项 8\n\n";
        CheckResult r = Checker.check(new TextReportReader(layout).read(
                contents + Files.readString(SeedsTest.DIR.resolve("003.txt")), "鲤城区.txt"));
        assertExact(r);
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain("READ");
    }

    /**
     * A dash or slash printed for nothing in a Word table's cell (—, /): blank, said as VAL-BLANK on
     * its cell as in a table read as a grid; the numbers after it stay in their columns (the row was
     * not read at all).
     */
    @Test
    void dashesAndSlashesInCellsAreBlankAndShiftNothing() throws Exception {
        CheckResult r = text("(一) 予以公开\t30\t1\t0\t0\t0\t0\t31", "(一) 予以公开\t30\t1\t—\t/\t0\t0\t31");
        assertThat(r.values().get("requests.granted.natural")).isEqualByComparingTo("30");
        assertThat(r.values().get("requests.granted.business")).isEqualByComparingTo("1");
        assertThat(r.values().get("requests.granted.legal")).isEqualByComparingTo("0");
        assertThat(r.values().get("requests.granted.total")).isEqualByComparingTo("31");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("VAL-BLANK")).extracting(Finding::key)
                .containsExactlyInAnyOrder("requests.granted.research", "requests.granted.nonprofit");
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    /** A colon after a row's label (行政许可：, 行政处罚:) is no part of it. */
    @Test
    void aColonAfterALabel() throws Exception {
        CheckResult r = text("行政许可\t66241", "行政许可：\t66241");
        assertExact(r);
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain("READ");
    }

    /**
     * The official unit after a label (行政事业性收费（万元）) is read as the label; another unit
     * (（元）: the number would be 10,000 times too large) is not taken for it.
     */
    @Test
    void theOfficialUnitAfterALabelAndNoOther() throws Exception {
        assertExact(text("行政事业性收费\t", "行政事业性收费（万元）\t"));
        CheckResult yuan = text("行政事业性收费\t", "行政事业性收费（元）\t");
        assertThat(yuan.values().get("active.fees")).isNull();
        assertThat(yuan.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::key)
                .contains("active.fees");
    }

    /** A unit after a count in a cell ("72件"): that row is not read, and the finding names the cell's text. */
    @Test
    void aCountWithAUnitStopsItsRowAndIsNamed() throws Exception {
        CheckResult r = text("(七) 总计\t72\t1", "(七) 总计\t72件\t1");
        assertThat(r.findings()).filteredOn(f -> f.messageKey().equals("finding.rowNotNumber")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("72件").contains("总计"));
        assertThat(r.findings()).extracting(Finding::messageKey).doesNotContain("finding.rowShort");
        assertThat(r.values().get("requests.total.natural")).isNull();
        assertThat(r.values().get("requests.new.natural")).isEqualByComparingTo(figures().get("requests.new.natural"));
    }

    @Test
    void subRowsNumberedWithTheEnumerationComma() throws Exception {
        CheckResult r = text("1.属于国家秘密", "1、属于国家秘密");
        assertExact(r);
        assertExact(page(doc -> cell(doc, "2.重复申请").text("2、重复申请")));
    }

    @Test
    void shortFormsAndTyposOfLabels() throws Exception {
        assertExact(page(doc -> cell(doc, "行政规范性文件").text("规范性文件")));
        assertExact(page(doc -> cell(doc, "本年废止件数").text("本年度止件数")));
        CheckResult typo = page(doc -> cell(doc, "行政复议").text("行政法复议"));
        assertExact(typo);
        assertThat(typo.findings()).filteredOn(f -> f.messageKey().equals("finding.labelNearly"))
                .singleElement().satisfies(f -> assertThat(f.args()).containsExactly("行政法复议", "行政复议"));
        CheckResult row = page(doc -> cell(doc, "2.其他法律行政法规禁止公开").text("2.其他法律行政止公开"));
        assertExact(row);
        assertThat(row.findings()).extracting(Finding::messageKey).contains("finding.labelNearly");
    }

    @Test
    void labelsWithStraySpacesAndTheRotatedHeadingSpelledOut() throws Exception {
        assertExact(page(doc -> {
            cell(doc, "三、本年度办理结果").text("三 、本 年 度办 理 结果");
            cell(doc, "商业企业").text("商 业 企 业");
        }));
    }

    @Test
    void aNoteInsideACountCellGivesTheLeadingNumberAndQuotesTheNote() throws Exception {
        CheckResult r = page(doc -> doc.select("td").stream().filter(td -> td.text().equals("12")).findFirst()
                .orElseThrow().text("12（其中修订3件）"));
        assertExact(r);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("VAL-NOTE")).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("active.normative.issued");
            assertThat(f.message()).contains("12（其中修订3件）").contains("按 12 读取");
        });
        CheckResult t = text("(一) 予以公开\t30\t", "(一) 予以公开\t30（含自然失效2件）\t");
        assertExact(t);
        assertThat(t.findings()).extracting(Finding::rule).contains("VAL-NOTE");
    }

    @Test
    void aFootnoteRowInsideTableFour() throws Exception {
        assertExact(page(doc -> {
            Element values = cell(doc, "行政复议").parent().parent().children().last();
            values.after("<tr><td colspan=\"15\">注：行政复议、行政诉讼数量含上年度结转数量</td></tr>");
        }));
    }

    @Test
    void theHeaderRepeatedAfterAPageBreakInsideTableThree() throws Exception {
        assertExact(page(doc -> {
            // Table 三 broken before (四) as a PDF page break breaks it: the rest is a table of its
            // own, its three header rows repeated and the heading 三、本年度办理结果 printed again.
            Element results = cell(doc, "三、本年度办理结果");
            Element table = results.closest("table");
            List<Element> rows = new ArrayList<>(table.select("tr"));
            int first = rows.indexOf(results.parent());
            int split = rows.indexOf(cell(doc, "（四）无法提供").parent());
            int span = Integer.parseInt(results.attr("rowspan"));
            results.attr("rowspan", String.valueOf(split - first));
            Element rest = new Element("table").attr("border", "1");
            for (int i = 0; i < 3; i++) {
                rest.appendChild(rows.get(i).clone());
            }
            for (int i = split; i < rows.size(); i++) {
                rest.appendChild(rows.get(i));
            }
            rows.get(split).prependElement("td").attr("rowspan", String.valueOf(first + span - split))
                    .attr("colspan", results.attr("colspan")).text("三、本年度办理结果");
            table.after(rest);
            table.after("<p>- 7 -</p>");
        }));
    }

    /** Seed 003's Word text with every row's cells run together, as web text whose separators were lost. */
    private static String glued() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readString(SeedsTest.DIR.resolve("003.txt")).split("\n", -1)) {
            if (line.indexOf('\t') < 0) {
                out.append(line).append('\n');
                continue;
            }
            StringBuilder labels = new StringBuilder();
            StringBuilder digits = new StringBuilder();
            for (String cell : line.split("\t")) {
                (cell.strip().matches("[0-9.]+") ? digits : labels).append(cell.strip());
            }
            out.append(labels).append(digits).append('\n');
        }
        return out.toString();
    }

    @Test
    void digitsRunTogetherAreSplitByTheTablesOwnArithmeticOnlyWhereOneSplitFits() throws Exception {
        String text = glued();
        assertThat(text).contains("一、本年新收政府信息公开申请数量901000091").contains("行政规范性文件122095");
        CheckResult r = Checker.check(new TextReportReader(layout).read(text, "鲤城区.txt"));
        for (Map.Entry<String, BigDecimal> e : figures().entrySet()) {
            if (e.getKey().startsWith("active.normative.")) {
                // 122095: 12|20|95, 1|220|95, 12|2|095… no total in that row decides it: not read.
                assertThat(r.values().get(e.getKey())).as(e.getKey()).isNull();
            } else if (e.getValue() != null) {
                assertThat(r.values().get(e.getKey())).as(e.getKey()).isEqualByComparingTo(e.getValue());
            }
        }
        // Too many splits fit to list them: their number is said.
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
                .satisfies(f -> assertThat(f.messageKey()).isEqualTo("finding.gluedCandidatesMany"));
        // 四、结转 220000022 is 22|0|0|0|0|0|22 or 2|20|0|0|0|0|22 by its row; the balance decides.
        assertThat(r.findings()).filteredOn(f -> f.messageKey().equals("finding.gluedSplitByTotals"))
                .extracting(Finding::key).containsExactly("requests.carried_out.natural");
    }

    @Test
    void markdownFromAConverterWithInventedHeadersAndSeparatorRows() throws Exception {
        StringBuilder md = new StringBuilder();
        for (String line : Files.readString(SeedsTest.DIR.resolve("003.txt")).split("\n", -1)) {
            if (line.indexOf('\t') < 0) {
                md.append(line).append('\n');
                continue;
            }
            String[] cells = line.split("\t", -1);
            md.append("| 数据1 | 数据2 | 数据3 |\n|---|---|---|\n");
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        CheckResult r = Checker.check(new TextReportReader(layout).read(md.toString(), "鲤城区.md"));
        assertExact(r);
    }

    /**
     * Converter Markdown with emphasis: the title a heading in bold, the tables' titles bold headings,
     * the total rows bold label and numbers (an LLM's way): read as without it.
     */
    @Test
    void markdownEmphasisAroundTitlesLabelsAndTotals() throws Exception {
        StringBuilder md = new StringBuilder("# **泉州市鲤城区人民政府2023年政府信息公开工作年度报告**\n\n");
        for (String line : Files.readString(SeedsTest.DIR.resolve("003.txt")).split("\n", -1)) {
            if (line.matches("[二三四]、.*情况")) {
                md.append("## **").append(line).append("**\n");
            } else if (line.indexOf('\t') < 0) {
                md.append(line).append('\n');
            } else {
                boolean total = line.contains("总计");
                md.append("| ").append(Arrays.stream(line.split("\t", -1))
                        .map(c -> total && !c.isBlank() ? "**" + c.strip() + "**" : c)
                        .collect(Collectors.joining(" | "))).append(" |\n");
            }
        }
        assertThat(md.toString()).contains("## **三、收到和处理政府信息公开申请情况**").contains("| **(七) 总计** | **");
        CheckResult r = Checker.check(new TextReportReader(layout).read(md.toString(), "报告.md"));
        assertExact(r);
        assertThat(r.identity().get(IdentityField.NAME)).hasValue("泉州市鲤城区人民政府");
        assertThat(r.identity().get(IdentityField.YEAR)).hasValue("2023");
    }

    /** Seed 003 as converter Markdown: each row's labels on a line of their own, its numbers in a label-less row under it. */
    private static String looseLabels() throws Exception {
        StringBuilder md = new StringBuilder();
        for (String line : Files.readString(SeedsTest.DIR.resolve("003.txt")).split("\n", -1)) {
            String[] cells = line.split("\t", -1);
            List<String> labels = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (String c : cells) {
                (c.strip().isEmpty() || c.strip().matches("[0-9.]+") ? numbers : labels).add(c.strip());
            }
            if (line.indexOf('\t') >= 0 && !labels.isEmpty() && numbers.stream().anyMatch(n -> !n.isEmpty())) {
                md.append(String.join(" ", labels)).append("\n| ").append(String.join(" | ", numbers)).append(" |\n");
            } else {
                md.append(line).append('\n');
            }
        }
        return md.toString();
    }

    @Test
    void labelLessNumberRowsUnderLooseLabelLines() throws Exception {
        String md = looseLabels();
        List<String> lines = new ArrayList<>(List.of(md.split("\n", -1)));
        int repeat = lines.indexOf("2.重复申请");
        assertThat(lines.get(repeat + 1)).startsWith("|").contains("| 1 |");
        assertThat(lines.get(repeat + 2)).isEqualTo("3.要求提供公开出版物");
        assertExact(Checker.check(new TextReportReader(layout).read(md, "鲤城区.md")));
        // Two labels stacked over one number row: which row the numbers are cannot be told.
        lines.remove(repeat + 1);
        String stacked = String.join("\n", lines);
        assertThat(stacked).isNotEqualTo(md);
        CheckResult r = Checker.check(new TextReportReader(layout).read(stacked, "鲤城区.md"));
        assertThat(r.values().get("requests.rejected_repeat.natural")).isNull();
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::key)
                .contains("requests.rejected_repeat.natural");
    }

    @Test
    void aPageBreakWithItsFormFeedAndPageNumberBetweenTwoHalvesOfALabel() throws Exception {
        String seed = Files.readString(SeedsTest.DIR.resolve("000.txt"));
        String broken = seed.replace("（四）\n\n无法提\n\n供\n", "（四）\n\n无\n- 7 -\n\f法提\n\n供\n");
        assertThat(broken).isNotEqualTo(seed);
        CheckResult a = Checker.check(new TextReportReader(layout).read(seed, "长乐区.txt"));
        CheckResult b = Checker.check(new TextReportReader(layout).read(broken, "长乐区.txt"));
        assertThat(b.values()).isEqualTo(a.values());
        assertThat(b.values().get("requests.unable_not_held.total")).isEqualByComparingTo("12");
    }
}
