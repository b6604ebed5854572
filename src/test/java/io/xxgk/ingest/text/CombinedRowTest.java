package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.Grid;
import io.xxgk.ingest.TableLocator;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2021-layout report whose table 三 prints （六）其他处理 as the single 2019 row: read as the 2021
 * layout, the three sub-rows stay empty, one info finding gives the row, the checks use it (a table
 * that adds up has no error, one that does not is reported at the row's cell), and a merge or an
 * import counts it under 3.其他. As text (Word tabs) and as a web page's table (a grid).
 */
class CombinedRowTest {

    private final Layout layout = Layouts.defaultLayout();

    @TempDir
    Path dir;

    /** Seed 003 (its (六) rows are 0, 0 and 4) with the three rows printed as one. */
    private static String oneRow(String natural, String total) throws Exception {
        String text = Files.readString(SeedsTest.DIR.resolve("003.txt"));
        String three = "(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t\n"
                + "\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t\n"
                + "\t3.其他\t4\t0\t0\t0\t0\t0\t4\t\n";
        assertThat(text).contains(three);
        return text.replace(three, "(六) 其他处理\t" + natural + "\t0\t0\t0\t0\t0\t" + total + "\t\n");
    }

    private CheckResult check(String text) {
        return Checker.check(new TextReportReader(layout).read(text, "鲤城区.txt"));
    }

    @Test
    void aTableThatAddsUpWithTheSingleRowHasNoErrorAndItsPartsStayEmpty() throws Exception {
        CheckResult r = check(oneRow("4", "4"));
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::message).isEmpty();
        assertThat(r.values().get("requests.other_other.natural")).isNull();
        assertThat(r.values().get("requests.other_no_correction.total")).isNull();
        assertThat(r.values().get("requests.other.natural")).isEqualByComparingTo("4");
        assertThat(r.findings()).filteredOn(f -> f.messageKey().equals("finding.combinedRow")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("（六）其他处理").contains("自然人 4").contains("总计 4");
                });
    }

    @Test
    void aSingleRowThatDoesNotAddUpIsReportedAtItsOwnCell() throws Exception {
        CheckResult r = check(oneRow("4", "5"));
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("T3-ROW")).singleElement()
                .satisfies(f -> assertThat(f.key()).isEqualTo("requests.other.total"));
        // (七)总计 says 73 with the row's 4 in it: the column totals still agree.
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("T3-COL")).extracting(Finding::key)
                .containsExactly("requests.total.total");
    }

    @Test
    void aMergeAndAnImportCountTheRowUnderOther() throws Exception {
        Path a = dir.resolve("鲤城区.txt");
        Files.writeString(a, oneRow("4", "4"));
        Cli.Result m = Cli.run("merge", a.toString(), "--format", "json");
        assertThat(m.out()).as(m.err()).contains("\"values\"");
        JsonNode merged = new ObjectMapper().readTree(m.out());
        assertThat(merged.get("values").get("requests.other_other.natural").asInt()).isEqualTo(4);
        assertThat(merged.get("values").get("requests.other_no_correction.natural").isNull()
                || merged.get("values").get("requests.other_no_correction.natural").asInt() == 0).isTrue();
        Path book = dir.resolve("导入.xlsx");
        Cli.Result imported = Cli.run("import", a.toString(), "-o", book.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode checked = new ObjectMapper().readTree(Cli.run("check", book.toString(), "--format", "json").out()).get(0);
        assertThat(checked.get("values").get("requests.other_other.natural").asInt()).isEqualTo(4);
        assertThat(checked.get("findings").findValuesAsText("severity")).doesNotContain("error");
    }

    @Test
    void aWebPageTableWithTheSingleRowIsReadAsAGrid() throws Exception {
        Map<String, BigDecimal> figures = PublishedPdfTest.expected(SeedsTest.DIR.resolve("003.json"));
        Document page = Jsoup.parse(ReportHtml.render(layout, "鲤城区2023年政府信息公开工作年度报告", figures));
        Element group = page.select("td").stream().filter(td -> td.text().equals("（六）其他处理")).findFirst().orElseThrow();
        Element row = group.parent();
        // The group label spans two label columns of one row; the two sub-rows below go.
        int span = Integer.parseInt(group.attr("colspan")) + Integer.parseInt(group.nextElementSibling().attr("colspan"));
        group.attr("rowspan", "1").attr("colspan", String.valueOf(span));
        group.nextElementSibling().remove();
        row.nextElementSibling().remove();
        Element third = row.nextElementSibling();
        List<Element> thirdValues = third.select("td").subList(1, 8);
        List<Element> values = row.select("td").subList(1, 8);
        for (int i = 0; i < 7; i++) {
            values.get(i).text(thirdValues.get(i).text());
        }
        third.remove();
        // The label spanning all result rows (三、本年度办理结果) now spans two rows fewer.
        Element results = page.select("td").stream().filter(td -> td.text().equals("三、本年度办理结果")).findFirst().orElseThrow();
        results.attr("rowspan", String.valueOf(Integer.parseInt(results.attr("rowspan")) - 2));
        Path html = dir.resolve("鲤城区.html");
        Files.writeString(html, page.outerHtml());
        if (System.getProperty("keep") != null) {
            Files.copy(html, Path.of(System.getProperty("keep")), StandardCopyOption.REPLACE_EXISTING);
        }
        CheckResult r = Checker.check(new TextReportReader(layout).read(html));
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::message).isEmpty();
        assertThat(r.values().get("requests.other.total")).isEqualByComparingTo("4");
        assertThat(r.values().get("requests.other_other.total")).isNull();
        assertThat(r.values().get("requests.total.total")).isEqualByComparingTo("73");
        // Read from the page's table as a grid (its cells named by table, row and column), not from lines.
        assertThat(r.location("requests.other.total")).startsWith("表格2!第24行");
    }

    @Test
    void aRowShiftedByASpanTooLongIsNotReadFromTheGrid() throws Exception {
        Map<String, BigDecimal> figures = PublishedPdfTest.expected(SeedsTest.DIR.resolve("003.json"));
        Document page = Jsoup.parse(ReportHtml.render(layout, "鲤城区2023年政府信息公开工作年度报告", figures));
        Element results = page.select("td").stream().filter(td -> td.text().equals("三、本年度办理结果")).findFirst().orElseThrow();
        // One row too many: 四、结转下年度继续办理 is pushed one column to the right.
        results.attr("rowspan", String.valueOf(Integer.parseInt(results.attr("rowspan")) + 1));
        Grid grid = TableGrids.html(page);
        Set<String> keys = new HashSet<>();
        layout.cells().forEach(c -> keys.add(c.key()));
        TableLocator.Located located = new TableLocator(layout, "p.html").locate(List.of(grid), keys);
        assertThat(located.cells()).doesNotContainKeys("requests.carried_out.natural", "requests.carried_out.business");
        assertThat(located.problems()).extracting(Finding::messageKey).contains("finding.rowShifted");
        assertThat(located.cells().get("requests.total.natural").number()).isEqualByComparingTo("72");
    }
}
