package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Reports;
import io.xxgk.testing.ZipEdit;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-made workbooks (no defined names) are read by their labels, exactly or not at all. */
class WorkbookReaderTest {

    static final long SEED = 2023L;
    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private CheckResult check(XSSFWorkbook wb, String name) throws Exception {
        Path f = dir.resolve(name);
        try (FileOutputStream out = new FileOutputStream(f.toFile())) {
            wb.write(out);
        }
        return Checker.check(new WorkbookReader(layout).read(f));
    }

    private void assertReadsExactly(Map<String, BigDecimal> values, CheckResult r) {
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            assertThat(r.values().get(e.getKey())).as(e.getKey()).isEqualByComparingTo(e.getValue());
        }
        assertThat(r.findings().stream().filter(f -> f.severity() == Severity.ERROR)).isEmpty();
    }

    @Test
    void readsAPlainHandMadeWorkbookByItsLabelsWithIdentityFromTheTitle() throws Exception {
        Map<String, BigDecimal> values = Reports.valid(layout, SEED);
        CheckResult r = check(HandMade.build(layout, values, HandMade.Style.plain()), "hand.xlsx");
        assertReadsExactly(values, r);
        assertThat(r.identity().get(IdentityField.NAME)).contains("测试局");
        assertThat(r.identity().get(IdentityField.YEAR)).contains("2023");
    }

    @Test
    void movedTablesLabelQuirksTypoAndNoMergesStillReadExactly() throws Exception {
        Map<String, BigDecimal> values = Reports.valid(layout, SEED + 1);
        HandMade.Style quirky = new HandMade.Style(7, 3,
                s -> s.replace("本年废止件数", "本年度止件数").replace("（", "(").replace("）", ")")
                        .replace("公开", "公 开").replace("数量", "\n数量"),
                false, true, false);
        CheckResult r = check(HandMade.build(layout, values, quirky), "quirky.xlsx");
        assertReadsExactly(values, r);
    }

    @Test
    void numbersTypedAsTextAreReadWithAWarningEach() throws Exception {
        Map<String, BigDecimal> values = Reports.valid(layout, SEED + 2);
        HandMade.Style text = new HandMade.Style(2, 0, s -> s, true, false, true);
        CheckResult r = check(HandMade.build(layout, values, text), "text.xlsx");
        assertReadsExactly(values, r);
        assertThat(r.findings().stream().filter(f -> f.rule().equals("VAL-TEXT"))).hasSize(200);
    }

    @Test
    void aSurplusNumberInARowIsAFindingNotAShift() throws Exception {
        Map<String, BigDecimal> values = Reports.valid(layout, SEED + 3);
        XSSFWorkbook wb = HandMade.build(layout, values, HandMade.Style.plain());
        Sheet s = wb.getSheet("Sheet1");
        Row granted = findRow(s, "（一）予以公开");
        // An extra number between the label and the seven columns.
        granted.createCell(2).setCellValue(99);
        CheckResult r = check(wb, "surplus.xlsx");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("READ"))
                .extracting(Finding::messageKey, Finding::cell)
                .containsExactly(Tuple.tuple("finding.surplus",
                        "Sheet1!C" + (granted.getRowNum() + 1)));
        assertThat(r.values().get("requests.granted.natural")).isEqualByComparingTo(values.get("requests.granted.natural"));
    }

    @Test
    void aRowFoundTwiceOrMissingIsNotGuessed() throws Exception {
        Map<String, BigDecimal> values = Reports.valid(layout, SEED + 4);
        XSSFWorkbook wb = HandMade.build(layout, values, HandMade.Style.plain());
        Sheet s = wb.getSheet("Sheet1");
        Row last = s.createRow(s.getLastRowNum() + 3);
        last.createCell(0).setCellValue("二、上年结转政府信息公开申请数量");
        last.createCell(3).setCellValue(5);
        findRow(s, "2.重复申请").getCell(2).setCellValue("2.重复提交");
        CheckResult r = check(wb, "dup.xlsx");
        assertThat(r.values().get("requests.carried_in.natural")).isNull();
        assertThat(r.values().get("requests.rejected_repeat.natural")).isNull();
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("READ")).extracting(Finding::messageKey)
                .contains("finding.rowAmbiguous", "finding.rowMissing");
        // The sums that need the unplaced rows are not judged on guesses.
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("T3-BAL")).isEmpty();
    }

    @Test
    void aWorkbookWithoutTheTablesSaysSo() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("随便").createRow(0).createCell(0).setCellValue("会议纪要");
        CheckResult r = check(wb, "none.xlsx");
        // One error that says no table is there (not one per table, nor a missing name and year).
        assertThat(r.findings()).extracting(Finding::messageKey).containsExactly("finding.noTables");
        assertThat(r.hasErrors()).isTrue();
    }

    static Row findRow(Sheet s, String text) {
        for (Row row : s) {
            for (var c : row) {
                if (c.getCellType() == CellType.STRING
                        && c.getStringCellValue().equals(text)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row " + text);
    }


    /** Regression: without its defined names our template was read with 21 READ errors (the live-check panel) and hints as identity. */
    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void ourTemplateWithoutItsDefinedNamesReadsTheSameByItsLabels(String layoutId) throws Exception {
        Layout l = Layouts.get(layoutId);
        for (long seed = SEED; seed < SEED + 3; seed++) {
            Map<String, BigDecimal> values = new HashMap<>(Reports.valid(l, seed));
            l.formulas().keySet().forEach(values::remove);
            Path named = dir.resolve("named-" + layoutId + "-" + seed + ".xlsx");
            new TemplateWriter(l).write(Identity.empty()
                    // A year its layout is the official one for (a 2019 form for 2023 is ID-LAYOUT).
                    .with(IdentityField.NAME, "测试局").with(IdentityField.YEAR, layoutId.equals("2019") ? "2020" : "2023"),
                    values, named, false);
            Path bare = ZipEdit.rewrite(named, dir.resolve("bare-" + layoutId + "-" + seed + ".xlsx"),
                    "xl/workbook.xml", xml -> xml.replaceAll("(?s)<definedNames>.*</definedNames>", ""));
            assertThat(ZipEdit.read(bare, "xl/workbook.xml")).doesNotContain("definedName");
            CheckResult byNames = Checker.check(new WorkbookReader(l).read(named));
            CheckResult byLabels = Checker.check(new WorkbookReader(l).read(bare));
            assertThat(byLabels.findings()).as("seed %d", seed).isEmpty();
            assertThat(byLabels.values()).as("seed %d", seed).isEqualTo(byNames.values());
            assertThat(byLabels.identity().get(IdentityField.NAME)).contains("测试局");
            assertThat(byLabels.identity().get(IdentityField.CREDIT_CODE)).isEmpty();
        }
    }
}
