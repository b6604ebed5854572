package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.Checker;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.LibreOffice;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import java.awt.geom.Rectangle2D;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LibreOffice headless opens our workbook, recalculates the same totals, renders and re-saves it. */
class LibreOfficeTest {

    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    @Test
    void recalculatesTheSameTotalsAndReSavesWithNamesAndValuesIntact() throws Exception {
        Map<String, BigDecimal> in = TemplateWriterTest.balanced(Sheets.randomInputs(layout, 7L));
        Map<String, BigDecimal> totals = TemplateWriterTest.independentTotals(in);
        Path file = dir.resolve("填报.xlsx");
        try (XSSFWorkbook wb = new TemplateWriter(layout).build(
                Identity.empty().with(IdentityField.NAME, "测试局").with(IdentityField.YEAR, "2024"), in)) {
            // Spoil every cached total: the totals read back must be LibreOffice's own.
            for (String key : totals.keySet()) {
                Sheets.named(wb, key).setCellValue(-1);
            }
            try (FileOutputStream out = new FileOutputStream(file.toFile())) {
                wb.write(out);
            }
        }
        for (String format : new String[] {"xlsx", "xls"}) {
            Path saved = LibreOffice.convert(file, format, dir.resolve("lo-" + format));
            try (Workbook wb = WorkbookFactory.create(saved.toFile(), null, true)) {
                for (Map.Entry<String, BigDecimal> e : totals.entrySet()) {
                    Cell cell = Sheets.named(wb, e.getKey());
                    assertThat(cell.getCellType()).as(format + " " + e.getKey()).isEqualTo(CellType.FORMULA);
                    assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(format + " " + e.getKey())
                            .isEqualByComparingTo(e.getValue());
                }
                for (CellDef def : layout.cells()) {
                    if (!layout.isFormula(def.key())) {
                        assertThat(new BigDecimal(Double.toString(Sheets.named(wb, def.key()).getNumericCellValue())))
                                .as(format + " " + def.key()).isEqualByComparingTo(in.get(def.key()));
                    }
                }
                assertThat(Sheets.named(wb, "info.name").getStringCellValue()).isEqualTo("测试局");
            }
        }
    }

    @Test
    void aReportReSavedByLibreOfficeAsXlsxAndXlsReadsIdentically() throws Exception {
        Map<String, BigDecimal> in = new HashMap<>(Reports.valid(layout, 11L));
        Path file = dir.resolve("报送.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "测试局")
                .with(IdentityField.YEAR, "2024"), in, file, false);
        WorkbookReader reader = new WorkbookReader(layout);
        var original = Checker.check(reader.read(file));
        assertThat(original.hasErrors()).isFalse();
        for (String format : new String[] {"xlsx", "xls"}) {
            Path saved = LibreOffice.convert(file, format, dir.resolve("re-" + format));
            var again = Checker.check(reader.read(saved));
            assertThat(again.values()).as(format).isEqualTo(original.values());
            assertThat(again.identity()).as(format).isEqualTo(original.identity());
            assertThat(again.findings()).as(format).extracting(f -> f.rule() + " " + f.cell())
                    .containsExactlyElementsOf(original.findings().stream().map(f -> f.rule() + " " + f.cell()).toList());
        }
    }

    @Test
    void opensTheAnnotatedCopyWithItsRedCellAndComment() throws Exception {
        Map<String, BigDecimal> in = new HashMap<>(Reports.valid(layout, 12L));
        in.put("appeals.review.upheld", new BigDecimal("-1"));
        Path file = dir.resolve("a.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "测试局")
                .with(IdentityField.YEAR, "2024"), in, file, false);
        var result = Checker.check(new WorkbookReader(layout).read(file));
        Path annotated = dir.resolve("out/a-问题标注.xlsx");
        Annotator.write(file, result, annotated);
        Path saved = LibreOffice.convert(annotated, "xlsx", dir.resolve("lo-annotated"));
        try (Workbook wb = WorkbookFactory.create(saved.toFile(), null, true)) {
            Cell cell = Sheets.named(wb, "appeals.review.upheld");
            assertThat(cell.getCellComment()).isNotNull();
            assertThat(cell.getCellComment().getString().getString()).contains("VAL-NUM");
            assertThat(wb.getSheet(Annotator.ISSUES_SHEET)).isNotNull();
        }
        // The mark that keeps an annotated copy out of a merge survives LibreOffice's re-save, xlsx and xls.
        assertThat(OutputMark.of(annotated)).isEqualTo(OutputMark.Kind.ANNOTATED);
        assertThat(OutputMark.of(saved)).isEqualTo(OutputMark.Kind.ANNOTATED);
        Path xls = LibreOffice.convert(annotated, "xls", dir.resolve("lo-annotated-xls"));
        assertThat(OutputMark.of(xls)).isEqualTo(OutputMark.Kind.ANNOTATED);
        assertThat(Files.size(LibreOffice.convert(annotated, "pdf", dir.resolve("pdf-annotated")))).isPositive();
    }

    @Test
    void opensTheMergedSummaryOfTheExamplesWithRightTotals() throws Exception {
        Path summary = dir.resolve("汇总.xlsx");
        Cli.run("merge", "examples/2023", "--roster", "examples/roster.csv", "-o", summary.toString());
        Map<String, BigDecimal> expected = new HashMap<>();
        for (String seed : new String[] {"000", "001", "002", "003"}) {
            var values = new ObjectMapper()
                    .readTree(Path.of("src/test/resources/seeds", seed + ".json").toFile()).get("values");
            values.fields().forEachRemaining(e -> expected.merge(e.getKey(),
                    e.getValue().isNull() ? BigDecimal.ZERO : e.getValue().decimalValue(), BigDecimal::add));
        }
        Path saved = LibreOffice.convert(summary, "xlsx", dir.resolve("lo-summary"));
        try (Workbook wb = WorkbookFactory.create(saved.toFile(), null, true)) {
            for (CellDef def : layout.cells()) {
                assertThat(BigDecimal.valueOf(Sheets.named(wb, def.key()).getNumericCellValue()))
                        .as(def.key()).isEqualByComparingTo(expected.get(def.key()));
            }
            assertThat(wb.getSheet("报送情况")).isNotNull();
            try (Workbook ours = WorkbookFactory.create(summary.toFile(), null, true)) {
                assertThat(cells(wb.getSheet("明细"))).isEqualTo(cells(ours.getSheet("明细")));
                assertThat(cells(wb.getSheet("问题清单"))).isEqualTo(cells(ours.getSheet("问题清单")));
                assertThat(cells(ours.getSheet("明细"))).hasSize(2 + 5);
            }
        }
    }

    /** Every non-empty cell of a sheet by A1 address, as shown. */
    private static List<Map<String, String>> cells(Sheet sheet) {
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            Map<String, String> line = new TreeMap<>();
            for (Cell c : row) {
                String v = fmt.formatCellValue(c);
                if (!v.isEmpty()) {
                    line.put(c.getAddress().formatAsString(), v);
                }
            }
            rows.add(line);
        }
        return rows;
    }

    @Test
    void rendersTheTablesToPdfWithTheChineseLabels() throws Exception {
        Path file = dir.resolve("t.xlsx");
        new TemplateWriter(layout).write(Identity.empty(), Map.of(), file, false);
        Path pdf = LibreOffice.convert(file, "pdf", dir.resolve("pdf"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("三、收到和处理政府信息公开申请情况", "本年度办理结果", "结果维持", "第二十条第（八）项");
            // The live checks lie outside the print area.
            assertThat(text).doesNotContain("（不打印）", "✓", "左边");
            // 填报说明, 基本信息, then the three tables on one page, no header broken inside a word.
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(3);
            last.setEndPage(3);
            String page = last.getText(doc);
            assertThat(page.replaceAll("\\s+", "")).contains("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况");
            assertThat(page.lines()).noneMatch(l -> l.contains("公益组") || l.contains("服务机") || l.contains("结果纠")
                    && !l.contains("结果纠正"));
        }
        assertThat(Files.size(pdf)).isPositive();
    }

    /**
     * Regression: a new-year template made with --previous showed a red 四 row before anything was
     * typed, and every 结论 cell was red, also when it said ✓ 相符 (the rule compared the text with 0).
     */
    @Test
    void theLiveChecksOfANewYearTemplateSayToBeFilledAndNeverJudgeTheirOwnText() throws Exception {
        Path file = dir.resolve("新年度.xlsx");
        Cli.Result r = Cli.run("template", "-o", file.toString(), "--previous",
                Path.of("examples/2022/泉州市鲤城区人民政府.xlsx").toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path saved = LibreOffice.convert(file, "xlsx", dir.resolve("lo-new-year"));
        List<String> verdicts = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(saved.toFile(), null, true)) {
            for (Row row : wb.getSheet("统计表")) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA
                            && cell.getCachedFormulaResultType() == CellType.STRING) {
                        verdicts.add(cell.getStringCellValue());
                    }
                }
            }
        }
        assertThat(verdicts).contains("待填写").noneMatch(v -> v.startsWith("✗"));
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            var cf = wb.getSheet("统计表").getSheetConditionalFormatting();
            for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
                var f = cf.getConditionalFormattingAt(i);
                for (int k = 0; k < f.getNumberOfRules(); k++) {
                    String formula = f.getRule(k).getFormula1();
                    if (formula != null && formula.contains("<>0") && f.getFormattingRanges()[0].getNumberOfCells() == 2) {
                        assertThat(formula).as("the verdict's rule looks at the difference column").contains("$");
                    }
                }
            }
        }
    }

    /** Regression: 填报说明 printed cut off on the right (its column was wider than an A4 page). */
    @Test
    void theGuidePrintsWholeOnA4() throws Exception {
        Path file = dir.resolve("模板.xlsx");
        new TemplateWriter(layout).write(Identity.empty(), Map.of(), file, false);
        Path pdf = LibreOffice.convert(file, "pdf", dir.resolve("pdf-guide"));
        // Only what lies on the page counts: text drawn past its right edge is cut when printed.
        StringBuilder onPage = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int i = 0; i < Math.min(2, doc.getNumberOfPages()); i++) {
                PDPage page = doc.getPage(i);
                PDFTextStripperByArea area = new PDFTextStripperByArea();
                area.addRegion("page", new Rectangle2D.Float(0, 0, page.getMediaBox().getWidth(),
                        page.getMediaBox().getHeight()));
                area.extractRegions(page);
                onPage.append(area.getTextForRegion("page"));
            }
        }
        String text = onPage.toString().replaceAll("\\s+", "");
        List<String> lines;
        try (var in = TemplateWriter.class.getResourceAsStream("guide.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("# ") && !l.isBlank()).map(l -> l.replace("## ", "").replaceAll("\\s+", ""))
                    .toList();
        }
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(text).contains(l));
    }
}
