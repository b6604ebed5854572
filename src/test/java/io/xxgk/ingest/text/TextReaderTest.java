package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The text importer on variations of real reports: extra numbers, missing tables, planted errors. */
class TextReaderTest {

    private final Layout layout = Layouts.defaultLayout();

    private static String seed(String id) throws Exception {
        return Files.readString(SeedsTest.DIR.resolve(id + ".txt"));
    }

    private CheckResult check(String text) {
        return Checker.check(new TextReportReader(layout).read(text, "报告.txt"));
    }

    @Test
    void aRowWithAnExtraDifferentNumberIsAFindingAndKeepsNoValue() throws Exception {
        String text = seed("003").replace("(一) 予以公开\t30\t1\t0\t0\t0\t0\t31", "(一) 予以公开\t30\t1\t0\t0\t0\t0\t31\t5");
        assertThat(text).isNotEqualTo(seed("003"));
        CheckResult r = check(text);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("READ")).extracting(Finding::messageKey)
                .containsExactly("finding.rowLong");
        assertThat(r.values().get("requests.granted.natural")).isNull();
        assertThat(r.values().get("requests.partial.natural")).isEqualByComparingTo("3");
    }

    @Test
    void aMissingTableIsAFinding() throws Exception {
        String text = seed("002");
        String cut = text.substring(0, text.indexOf("四、政府信息公开行政复议")) + "五、存在的主要问题及改进情况\n";
        CheckResult r = check(cut);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("READ")).extracting(Finding::messageKey)
                .containsExactly("finding.tableMissing");
        assertThat(r.values().get("appeals.review.total")).isNull();
        assertThat(r.values().get("requests.new.natural")).isEqualByComparingTo("7");
    }

    @Test
    void aPlantedInconsistencyIsFoundAtItsRowAndColumn() throws Exception {
        String text = seed("003").replace("(一) 予以公开\t30\t", "(一) 予以公开\t31\t");
        CheckResult r = check(text);
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::rule, Finding::key)
                .contains(Tuple.tuple("T3-ROW", "requests.granted.total"),
                        Tuple.tuple("T3-COL", "requests.total.natural"));
    }

    @Test
    void pageNumbersBetweenRowsOfAPdfAreNotValues() throws Exception {
        String text = seed("000");
        String paged = text.replace("（一）予以公开 3 0 0 0 0 0 3\n", "（一）予以公开 3 0 0 0 0 0 3\n- 7 -\n第 7 页，共 12 页\n")
                .replace("2.重复申请 0 0 0 0 0 0 0\n", "2.重复申请 0 0 0 0 0 0 0\n8 / 12\n");
        assertThat(paged).isNotEqualTo(text);
        CheckResult a = check(text);
        CheckResult b = check(paged);
        assertThat(b.values()).isEqualTo(a.values());
        assertThat(b.findings().stream().filter(f -> f.rule().equals("READ"))).isEmpty();
    }

    @Test
    void pipeRowsAsWebPagesAreCopiedReadTheSame() throws Exception {
        String tabs = seed("002");
        String pipes = tabs.lines().map(l -> l.indexOf('\t') >= 0 ? "| " + l.replace("\t", " | ") + " |" : l)
                .collect(Collectors.joining("\n"));
        CheckResult a = check(tabs);
        CheckResult b = check(pipes);
        assertThat(b.values()).isEqualTo(a.values());
        assertThat(b.values().get("active.normative.in_force")).isEqualByComparingTo(new BigDecimal(288));
    }

    static final String REPORT_2019 = String.join("\n",
            "某某局2020年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
            "规章\t0\t0\t0",
            "规范性文件\t3\t3\t40",
            "第二十条第（五）项",
            "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
            "行政许可\t12\t减4\t300",
            "第二十条第（九）项",
            "信息内容\t采购项目数量\t采购总金额",
            "政府集中采购\t5\t251000元");

    @Test
    void aReportOfThe2019LayoutIsNamedAndNeverForcedIntoThe2021Keys() {
        CheckResult r = check(REPORT_2019);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("READ-LAYOUT")).extracting(Finding::messageKey)
                .containsExactly("finding.otherLayout");
        assertThat(r.findings().get(0).message()).contains("2019");
        assertThat(r.values().values()).allMatch(v -> v == null);
        assertThat(r.identity().get(IdentityField.YEAR)).contains("2020");
    }

    @Test
    void aWorkbookOfThe2019LayoutIsReadInThe2019Layout() throws Exception {
        Path f = Files.createTempFile("2019", ".xlsx");
        try (var wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("表");
            int r = 0;
            for (String line : REPORT_2019.split("\n")) {
                var row = sheet.createRow(r++);
                String[] cells = line.split("\t");
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            try (var out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        // Asked for the 2021 layout, the reader tells the 2019 labels and reads in that layout from the
        // workbook it has open: no 2021 key gets a 2019 number, and the file is not opened again.
        var wr = new WorkbookReader(layout).read(f);
        assertThat(wr.layout().id()).isEqualTo("2019");
        assertThat(wr.problems()).extracting(Finding::messageKey).doesNotContain("finding.otherLayout");
        assertThat(wr.cells()).containsKey("active.normative.total").doesNotContainKey("active.normative.in_force");
        CheckResult r = new CheckRunner(layout, null, null).run(f);
        assertThat(r.layout().id()).isEqualTo("2019");
        assertThat(r.values().get("active.normative.total")).isEqualByComparingTo("40");
        Files.delete(f);
    }

    @Test
    void gb18030TextIsDecoded() throws Exception {
        Path f = Files.createTempFile("报告", ".txt");
        Files.write(f, seed("002").getBytes(Charset.forName("GB18030")));
        CheckResult r = Checker.check(new TextReportReader(layout).read(f));
        assertThat(r.values().get("requests.granted.natural")).isEqualByComparingTo("5");
        Files.delete(f);
    }
}
