package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.identity.Labels;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.FormItem;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout2021TestAccess;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.schema.PrintedLabels;
import io.xxgk.schema.TableForm;
import io.xxgk.testing.Sheets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.formula.ConditionalFormattingEvaluator;
import org.apache.poi.ss.formula.EvaluationConditionalFormatRule;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reads the template with plain POI as an oracle: names, labels, merges, formulas, rules. */
class TemplateWriterTest {

    static final long SEED = 20_211_030L;
    private final Layout layout = Layouts.get("2021");
    private final TemplateWriter writer = new TemplateWriter(layout);

    private XSSFWorkbook blank() throws Exception {
        return Sheets.reopen(writer.build(Identity.empty(), Map.of()));
    }

    @Test
    void everyKeyHasADefinedNameOnTheCellItsOfficialLabelsName() throws Exception {
        try (XSSFWorkbook wb = blank()) {
            XSSFSheet sheet = wb.getSheet(SheetNames.TABLES);
            for (CellDef def : layout.cells()) {
                Cell cell = Sheets.named(wb, def.key());
                assertThat(cell.getSheet().getSheetName()).as(def.key()).isEqualTo(SheetNames.TABLES);
                int r = cell.getRowIndex();
                int c = cell.getColumnIndex();
                String at = def.key() + " at " + new CellReference(r, c).formatAsString();
                List<String> left = Sheets.labelsLeft(sheet, r, c);
                List<String> above = Sheets.labelsAbove(sheet, r, c);
                assertThat(above).as(at + " nearest column label").first().isEqualTo(norm(def.colLabel()));
                assertThat(above).as(at + " column labels").containsAll(def.colPath().stream().map(TemplateWriterTest::norm).toList());
                List<String> both = new ArrayList<>(left);
                both.addAll(above);
                assertThat(both).as(at + " row labels").containsAll(def.rowPath().stream().map(TemplateWriterTest::norm).toList());
                if (!def.table().equals("四")) {
                    assertThat(left).as(at + " nearest row label").first().isEqualTo(norm(def.rowLabel()));
                }
            }
            assertThat(wb.getAllNames().stream().filter(n -> !n.getNameName().startsWith("_xlnm")).count())
                    .isEqualTo(200 + IdentityField.values().length);
        }
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void mergesAreThoseOfThePublishedTables() throws Exception {
        try (XSSFWorkbook wb = blank()) {
            XSSFSheet sheet = wb.getSheet(SheetNames.TABLES);
            // 三、本年度办理结果 spans the rows of (一)予以公开 … (七)总计 in one label column.
            assertThat(region(sheet, "三、本年度办理结果")).isEqualTo(new int[] {
                row(wb, "requests.granted.natural"), row(wb, "requests.total.natural"), 1});
            assertThat(region(sheet, "（三）不予公开")).isEqualTo(new int[] {
                row(wb, "requests.denied_secret.natural"), row(wb, "requests.denied_query.natural"), 1});
            assertThat(region(sheet, "（五）不予处理")[1] - region(sheet, "（五）不予处理")[0]).isEqualTo(4);
            assertThat(width(sheet, "法人或其他组织")).isEqualTo(5);
            assertThat(width(sheet, "行政诉讼")).isEqualTo(10);
            assertThat(width(sheet, "行政复议")).isEqualTo(5);
            assertThat(width(sheet, "未经复议直接起诉")).isEqualTo(5);
            assertThat(Sheets.text(sheet, row(wb, "requests.new.natural") - 3, 0))
                    .isEqualTo("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
        }
    }

    private static int row(XSSFWorkbook wb, String key) {
        return Sheets.named(wb, key).getRowIndex();
    }

    /** First row, last row and number of columns of the merged region whose text is {@code label}. */
    private static int[] region(XSSFSheet sheet, String label) {
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            // A label may print over lines (三、\n本年度\n办理结果): compared as readers compare it.
            if (Sheets.text(sheet, m.getFirstRow(), m.getFirstColumn()).replace("\n", "").equals(label)) {
                return new int[] {m.getFirstRow(), m.getLastRow(), m.getLastColumn() - m.getFirstColumn() + 1};
            }
        }
        throw new AssertionError("no merged region for " + label);
    }

    private static int width(XSSFSheet sheet, String label) {
        return region(sheet, label)[2];
    }

    @Test
    void totalsAreFormulasWithCorrectCachedValuesForRandomInputs() throws Exception {
        for (long seed = SEED; seed < SEED + 5; seed++) {
            Map<String, BigDecimal> in = Sheets.randomInputs(layout, seed);
            try (XSSFWorkbook wb = Sheets.reopen(writer.build(Identity.empty(), in))) {
                Map<String, BigDecimal> expected = independentTotals(in);
                for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
                    Cell cell = Sheets.named(wb, e.getKey());
                    assertThat(cell.getCellType()).as(e.getKey() + " seed " + seed).isEqualTo(CellType.FORMULA);
                    assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as("cached " + e.getKey() + " seed " + seed)
                            .isEqualByComparingTo(e.getValue());
                }
                XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
                for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
                    assertThat(BigDecimal.valueOf(ev.evaluate(Sheets.named(wb, e.getKey())).getNumberValue()))
                            .as("evaluated " + e.getKey() + " seed " + seed).isEqualByComparingTo(e.getValue());
                }
                for (Map.Entry<String, BigDecimal> e : in.entrySet()) {
                    assertThat(new BigDecimal(Double.toString(Sheets.named(wb, e.getKey()).getNumericCellValue())))
                            .as(e.getKey()).isEqualByComparingTo(e.getValue());
                }
            }
        }
    }

    /** The totals of FORMAT.md computed from the inputs, without the layout's relation list. */
    static Map<String, BigDecimal> independentTotals(Map<String, BigDecimal> in) {
        List<String> six = List.of("natural", "business", "research", "nonprofit", "legal", "other");
        List<String> rows = Layout2021TestAccess.rows();
        List<String> results = rows.subList(2, 23);
        Map<String, BigDecimal> out = new HashMap<>();
        for (String c : six) {
            BigDecimal s = BigDecimal.ZERO;
            for (String r : results) {
                s = s.add(in.getOrDefault("requests." + r + "." + c, BigDecimal.ZERO));
            }
            out.put("requests.total." + c, s);
        }
        for (String r : rows) {
            BigDecimal s = BigDecimal.ZERO;
            for (String c : six) {
                String k = "requests." + r + "." + c;
                s = s.add(in.containsKey(k) ? in.get(k) : out.getOrDefault(k, BigDecimal.ZERO));
            }
            out.put("requests." + r + ".total", s);
        }
        for (String g : List.of("review", "suit_direct", "suit_after_review")) {
            BigDecimal s = BigDecimal.ZERO;
            for (String c : List.of("upheld", "corrected", "other", "pending")) {
                s = s.add(in.getOrDefault("appeals." + g + "." + c, BigDecimal.ZERO));
            }
            out.put("appeals." + g + ".total", s);
        }
        return out;
    }

    @Test
    void inputCellsAreUnlockedLabelsAndFormulasLockedSheetsProtected() throws Exception {
        try (XSSFWorkbook wb = blank()) {
            for (CellDef def : layout.cells()) {
                Cell cell = Sheets.named(wb, def.key());
                assertThat(cell.getCellStyle().getLocked()).as(def.key()).isEqualTo(layout.isFormula(def.key()));
            }
            XSSFSheet sheet = wb.getSheet(SheetNames.TABLES);
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getLocked()).isTrue();
            for (String name : List.of(SheetNames.GUIDE, SheetNames.INFO, SheetNames.TABLES)) {
                assertThat(wb.getSheet(name).getProtect()).as(name).isTrue();
                assertThat(wb.getSheet(name).getCTWorksheet().getSheetProtection().isSetPassword()).as(name).isFalse();
            }
            assertThat(Sheets.named(wb, "info.name").getCellStyle().getLocked()).isFalse();
        }
    }

    @Test
    void validationCoversEveryInputCellWithAChineseMessage() throws Exception {
        try (XSSFWorkbook wb = blank()) {
            XSSFSheet sheet = wb.getSheet(SheetNames.TABLES);
            var validations = sheet.getDataValidations();
            int covered = 0;
            for (var v : validations) {
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getErrorBoxText()).containsPattern("[\\u4e00-\\u9fff]");
                for (CellRangeAddress r : v.getRegions().getCellRangeAddresses()) {
                    covered += r.getNumberOfCells();
                }
            }
            assertThat(covered).isEqualTo(200 - layout.formulas().size());
            assertThat(validations).anySatisfy(v -> assertThat(v.getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.DECIMAL));
        }
    }

    /** Regression: table 二 printed alone on the first page with most of it empty, 三 and 四 on the next. */
    @Test
    void printsTheThreeTablesOnOneA4Page() throws Exception {
        try (XSSFWorkbook wb = blank()) {
            XSSFSheet sheet = wb.getSheet(SheetNames.TABLES);
            PrintSetup ps = sheet.getPrintSetup();
            assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(ps.getLandscape()).isFalse();
            assertThat(ps.getFitWidth()).isEqualTo((short) 1);
            assertThat(ps.getFitHeight()).isEqualTo((short) 1);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(wb.getPrintArea(wb.getSheetIndex(sheet))).contains("$A$1:$O$");
            assertThat(sheet.getRowBreaks()).isEmpty();
            // No header rows repeated: Excel prints them on every page, above table 二 too.
            assertThat(sheet.getRepeatingRows()).isNull();
        }
    }

    /**
     * Regression: table 四's headers in columns as narrow as 4 characters wrapped 结果/纠正, and 三's
     * 社会公益组/织 broke inside a word. Every column holds a four-character header; longer labels in a
     * single column break at a word's end, and read back as the same label.
     */
    @Test
    void headersInOneColumnFitOrBreakAtAWordsEnd() throws Exception {
        for (String id : List.of("2021", "2019")) {
            Layout l = Layouts.get(id);
            for (TableForm form : l.forms()) {
                for (FormItem item : form.items()) {
                    if (!(item instanceof FormItem.Label label) || item.col() != item.lastCol()) {
                        continue;
                    }
                    int capacity = PrintedLabels.capacity(l.columnWidths().get(item.col()), 10);
                    assertThat(capacity).as("column %d of %s", item.col(), id).isGreaterThanOrEqualTo(4);
                    String printed = PrintedLabels.of(label.text(), capacity);
                    assertThat(Labels.normalize(printed)).isEqualTo(Labels.normalize(label.text()));
                    assertThat(printed.split("\n")).as(printed).allSatisfy(
                            line -> assertThat(PrintedLabels.fits(line, capacity)).as(line).isTrue());
                }
            }
        }
        assertThat(PrintedLabels.of("社会公益组织", 4)).isEqualTo("社会公益\n组织");
        assertThat(PrintedLabels.of("（三）不予公开", 4)).isEqualTo("（三）\n不予公开");
        assertThat(PrintedLabels.of("三、本年度办理结果", 4)).isEqualTo("三、\n本年度\n办理结果");
        try (XSSFWorkbook wb = blank()) {
            XSSFSheet sheet = wb.getSheet(SheetNames.TABLES);
            int col = Sheets.named(wb, "requests.new.nonprofit").getColumnIndex();
            int header = row(wb, "requests.new.natural") - 1;
            assertThat(sheet.getRow(header).getCell(col).getStringCellValue()).isEqualTo("社会公益\n组织");
        }
    }

    @Test
    void identityIsPrefilledFromTheOptions() throws Exception {
        Identity id = Identity.empty().with(IdentityField.NAME, "福州市长乐区人民政府办公室")
                .with(IdentityField.YEAR, "2023").with(IdentityField.REGION_CODE, "350112");
        try (XSSFWorkbook wb = Sheets.reopen(writer.build(id, Map.of()))) {
            assertThat(Sheets.named(wb, "info.name").getStringCellValue()).isEqualTo("福州市长乐区人民政府办公室");
            assertThat(Sheets.named(wb, "info.year").getNumericCellValue()).isEqualTo(2023.0);
            assertThat(Sheets.named(wb, "info.region_code").getStringCellValue()).isEqualTo("350112");
            assertThat(wb.getSheet(SheetNames.TABLES).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("福州市长乐区人民政府办公室2023年政府信息公开工作年度报告统计表");
        }
    }

    // ---- conditional formatting, evaluated by POI ------------------------------------------

    private static List<EvaluationConditionalFormatRule> redRules(XSSFWorkbook wb, String key) {
        XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        ConditionalFormattingEvaluator cfe = new ConditionalFormattingEvaluator(wb, ev);
        Cell cell = Sheets.named(wb, key);
        return cfe.getConditionalFormattingForCell(cell);
    }

    @Test
    void aConsistentFilledTableHasNoRedCell() throws Exception {
        Map<String, BigDecimal> in = Sheets.randomInputs(layout, SEED);
        // Make the balance hold: carried_out = new + carried_in - total for each column.
        try (XSSFWorkbook wb = Sheets.reopen(writer.build(Identity.empty(), balanced(in)))) {
            for (CellDef def : layout.cells()) {
                assertThat(redRules(wb, def.key())).as(def.key()).isEmpty();
            }
        }
    }

    @Test
    void aNegativeOrFractionalCountOrTextTurnsItsCellRed() throws Exception {
        try (XSSFWorkbook wb = blank()) {
            Sheets.named(wb, "requests.granted.legal").setCellValue(-1);
            Sheets.named(wb, "appeals.review.upheld").setCellValue(1.5);
            Sheets.named(wb, "active.penalty").setCellValue("三件");
            Sheets.named(wb, "active.fees").setCellValue(1.5);
            assertThat(redRules(wb, "requests.granted.legal")).isNotEmpty();
            assertThat(redRules(wb, "appeals.review.upheld")).isNotEmpty();
            assertThat(redRules(wb, "active.penalty")).isNotEmpty();
            assertThat(redRules(wb, "active.fees")).as("a fractional amount is fine").isEmpty();
        }
    }

    @Test
    void aBrokenBalanceTurnsCarriedOutRedAndAWrongTypedTotalTurnsRed() throws Exception {
        Map<String, BigDecimal> in = balanced(Sheets.randomInputs(layout, SEED + 1));
        in.put("requests.carried_out.research", in.get("requests.carried_out.research").add(BigDecimal.ONE));
        try (XSSFWorkbook wb = Sheets.reopen(writer.build(Identity.empty(), in))) {
            assertThat(redRules(wb, "requests.carried_out.research")).isNotEmpty();
            assertThat(redRules(wb, "requests.carried_out.natural")).isEmpty();
            // A clerk who unprotects the sheet and types over a total formula sees it red.
            Cell total = Sheets.named(wb, "appeals.review.total");
            total.removeFormula();
            total.setCellValue(12345);
            assertThat(redRules(wb, "appeals.review.total")).isNotEmpty();
        }
    }

    @Test
    void aStatedTotalThatDisagreesWithItsPartsIsKeptNotReplaced() throws Exception {
        Map<String, BigDecimal> in = balanced(Sheets.randomInputs(layout, SEED + 2));
        in.put("appeals.suit_direct.total", new BigDecimal("999999"));
        try (XSSFWorkbook wb = Sheets.reopen(writer.build(Identity.empty(), in))) {
            Cell total = Sheets.named(wb, "appeals.suit_direct.total");
            assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getNumericCellValue()).isEqualTo(999999.0);
            assertThat(redRules(wb, "appeals.suit_direct.total")).isNotEmpty();
        }
    }

    @Test
    void theLiveCheckBesideTableThreeShowsTheBalancePerColumn() throws Exception {
        Map<String, BigDecimal> in = balanced(Sheets.randomInputs(layout, SEED + 3));
        in.put("requests.new.natural", in.get("requests.new.natural").add(BigDecimal.valueOf(7)));
        try (XSSFWorkbook wb = Sheets.reopen(writer.build(Identity.empty(), in))) {
            XSSFSheet sheet = wb.getSheet(SheetNames.TABLES);
            List<String> verdicts = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row == null || row.getCell(StatsSheetWriter.CHECK_COL) == null) {
                    continue;
                }
                String label = row.getCell(StatsSheetWriter.CHECK_COL).getStringCellValue();
                Cell verdict = row.getCell(StatsSheetWriter.CHECK_COL + 4);
                if (label.contains("一+二") && verdict != null) {
                    verdicts.add(label + "=" + verdict.getStringCellValue());
                    int col = StatsSheetWriter.CHECK_COL + 3;
                    assertThat(StatsSheetWriter.CHECK_COL).isGreaterThan(14);
                    if (label.startsWith("自然人")) {
                        assertThat(row.getCell(col).getNumericCellValue()).isEqualTo(7.0);
                    }
                }
            }
            assertThat(verdicts).hasSize(7);
            // The natural-person column and, through it, the total column miss by 7.
            assertThat(verdicts.stream().filter(v -> v.contains("不符"))).containsExactly(
                    "自然人：一+二 = （七）+四=✗ 不符，差 7", "总计：一+二 = （七）+四=✗ 不符，差 7");
        }
    }

    /** The inputs with carried_out chosen so that 一+二 = (七)+四 holds in every column. */
    static Map<String, BigDecimal> balanced(Map<String, BigDecimal> in) {
        Map<String, BigDecimal> out = new HashMap<>(in);
        Map<String, BigDecimal> totals = independentTotals(in);
        for (String c : List.of("natural", "business", "research", "nonprofit", "legal", "other")) {
            BigDecimal total = totals.get("requests.total." + c);
            BigDecimal carriedIn = in.get("requests.carried_in." + c);
            BigDecimal fresh = total.add(BigDecimal.valueOf(3)).max(BigDecimal.ZERO);
            out.put("requests.new." + c, fresh.subtract(carriedIn).max(BigDecimal.ZERO));
            BigDecimal newC = out.get("requests.new." + c);
            out.put("requests.carried_out." + c, newC.add(carriedIn).subtract(total));
        }
        return out;
    }
}
