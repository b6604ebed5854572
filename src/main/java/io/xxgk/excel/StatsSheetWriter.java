package io.xxgk.excel;

import io.xxgk.schema.CellDef;
import io.xxgk.schema.FormItem;
import io.xxgk.schema.Layout;
import io.xxgk.schema.PrintedLabels;
import io.xxgk.schema.SumDef;
import io.xxgk.schema.TableForm;
import io.xxgk.schema.ValueType;
import io.xxgk.util.DisplayWidth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Draws the sheet 统计表 from a layout's table forms: section titles, labels with their merges,
 * value cells with a defined name per key, total formulas, data validation, conditional formatting
 * and the live checks beside each table (outside the print area).
 */
final class StatsSheetWriter {

    /** First column of the live checks; column P stays empty as a gap. */
    static final int CHECK_COL = 16;
    private static final float LINE_POINTS = 13.5f;

    private final XSSFWorkbook wb;
    private final Styles styles;
    private final Layout layout;
    private final Map<String, int[]> positions = new LinkedHashMap<>();
    private final Map<Integer, Float> rowHeights = new TreeMap<>();
    private final List<int[]> tableRows = new ArrayList<>();

    private final Map<String, BigDecimal> lastYear;

    StatsSheetWriter(XSSFWorkbook wb, Styles styles, Layout layout, Map<String, BigDecimal> lastYear) {
        this.wb = wb;
        this.styles = styles;
        this.layout = layout;
        this.lastYear = lastYear;
    }

    /** Where each key was placed: row and column (0-based) on the sheet. */
    Map<String, int[]> positions() {
        return positions;
    }

    void write(XSSFSheet sheet, String title, Map<String, BigDecimal> values) {
        int lastCol = layout.columnWidths().size() - 1;
        setColumnWidths(sheet);
        cell(sheet, 0, 0, title, Styles.Kind.TITLE);
        merge(sheet, 0, 0, 0, lastCol);
        rowHeights.put(0, 30f);
        int r = 2;
        for (TableForm form : layout.forms()) {
            cell(sheet, r, 0, form.title(), Styles.Kind.SECTION);
            merge(sheet, r, r, 0, lastCol);
            rowHeights.put(r, 24f);
            int top = r + 1;
            drawForm(sheet, form, top);
            tableRows.add(new int[] {top, top + form.rows() - 1});
            r = top + form.rows() + 1;
        }
        int lastRow = r - 2;
        writeValuesAndFormulas(sheet, values);
        defineNames(sheet);
        new SheetRules(sheet, styles, layout, positions, lastYear).apply(tableRows);
        applyRowHeights(sheet);
        printSetup(sheet, lastRow, lastCol);
    }

    private void setColumnWidths(XSSFSheet sheet) {
        List<Double> widths = layout.columnWidths();
        for (int c = 0; c < widths.size(); c++) {
            sheet.setColumnWidth(c, (int) Math.round(widths.get(c) * 256));
        }
        sheet.setColumnWidth(CHECK_COL - 1, 2 * 256);
        sheet.setColumnWidth(CHECK_COL, 34 * 256);
        for (int c = CHECK_COL + 1; c <= CHECK_COL + 3; c++) {
            sheet.setColumnWidth(c, 10 * 256);
        }
        sheet.setColumnWidth(CHECK_COL + 4, 16 * 256);
    }

    private void drawForm(XSSFSheet sheet, TableForm form, int top) {
        for (FormItem item : form.items()) {
            int r1 = top + item.row();
            int r2 = top + item.lastRow();
            if (item instanceof FormItem.Label label) {
                Styles.Kind kind = switch (label.role()) {
                    case BLOCK, HEADER -> Styles.Kind.HEADER;
                    case ROW -> Styles.Kind.ROW_LABEL;
                    case NOTE -> Styles.Kind.NOTE;
                };
                fill(sheet, r1, r2, item.col(), item.lastCol(), styles.get(kind));
                String text = PrintedLabels.of(layout, label);
                sheet.getRow(r1).getCell(item.col()).setCellValue(text);
                merge(sheet, r1, r2, item.col(), item.lastCol());
                if (r1 == r2) {
                    needHeight(r1, text, item.col(), item.lastCol(), label.role() == FormItem.Role.NOTE ? 9 : 10);
                }
            } else if (item instanceof FormItem.Slot slot) {
                CellDef def = layout.cell(slot.key()).orElseThrow();
                Styles.Kind kind = layout.isFormula(slot.key()) ? Styles.Kind.FORMULA
                        : def.type() == ValueType.AMOUNT ? Styles.Kind.INPUT_AMOUNT : Styles.Kind.INPUT_COUNT;
                fill(sheet, r1, r2, item.col(), item.lastCol(), styles.get(kind));
                merge(sheet, r1, r2, item.col(), item.lastCol());
                positions.put(slot.key(), new int[] {r1, item.col()});
            }
        }
    }

    /** Estimates the row height a wrapped label needs, since no client auto-fits merged cells. */
    private void needHeight(int row, String text, int col, int lastCol, int points) {
        double width = 0;
        for (int c = col; c <= lastCol; c++) {
            width += layout.columnWidths().get(c);
        }
        double usable = Math.max(1, (width - 1) * 10.0 / points);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(DisplayWidth.of(line) / usable));
        }
        float height = Math.max(18f, lines * LINE_POINTS * points / 10f + 5f);
        rowHeights.merge(row, height, Math::max);
    }

    private void writeValuesAndFormulas(XSSFSheet sheet, Map<String, BigDecimal> values) {
        for (Map.Entry<String, int[]> e : positions.entrySet()) {
            String key = e.getKey();
            Cell cell = sheet.getRow(e.getValue()[0]).getCell(e.getValue()[1]);
            BigDecimal value = values.get(key);
            SumDef formula = layout.formulas().get(key);
            if (formula != null && !statedTotalDiffers(formula, values)) {
                cell.setCellFormula(Refs.sum(cellsOf(formula.right()), false));
            } else if (value != null) {
                if (formula != null) {
                    // A stated total that disagrees with its parts is kept as stated, never replaced
                    // by our sum: the sheet's rules then show it in red.
                    cell.setCellStyle(styles.get(Styles.Kind.INPUT_COUNT));
                }
                cell.setCellValue(value.doubleValue());
            }
        }
    }

    private static boolean statedTotalDiffers(SumDef formula, Map<String, BigDecimal> values) {
        BigDecimal stated = values.get(formula.anchor());
        if (stated == null) {
            return false;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (String part : formula.right()) {
            sum = sum.add(values.getOrDefault(part, BigDecimal.ZERO));
        }
        return sum.compareTo(stated) != 0;
    }

    List<int[]> cellsOf(List<String> keys) {
        List<int[]> out = new ArrayList<>();
        for (String k : keys) {
            out.add(positions.get(k));
        }
        return out;
    }

    private void defineNames(XSSFSheet sheet) {
        String quoted = "'" + sheet.getSheetName() + "'!";
        for (Map.Entry<String, int[]> e : positions.entrySet()) {
            XSSFName name = wb.createName();
            name.setNameName(e.getKey());
            name.setRefersToFormula(quoted + Refs.abs(e.getValue()[0], e.getValue()[1]));
        }
    }

    private void applyRowHeights(XSSFSheet sheet) {
        for (Map.Entry<Integer, Float> e : rowHeights.entrySet()) {
            row(sheet, e.getKey()).setHeightInPoints(e.getValue());
        }
    }

    private void printSetup(XSSFSheet sheet, int lastRow, int lastCol) {
        wb.setPrintArea(wb.getSheetIndex(sheet), 0, lastCol, 0, lastRow);
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(false);
        // The three tables on one page, as a report prints them: they fit at about 90%, and a table
        // broken over two pages (or 二 alone on the first) is what a clerk would have to tidy up.
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 1);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    static Row row(XSSFSheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row != null ? row : sheet.createRow(r);
    }

    static Cell cell(XSSFSheet sheet, int r, int c, String text, Styles.Kind kind, Styles styles) {
        Row row = row(sheet, r);
        Cell cell = row.getCell(c);
        if (cell == null) {
            cell = row.createCell(c);
        }
        cell.setCellStyle(styles.get(kind));
        if (text != null) {
            cell.setCellValue(text);
        }
        return cell;
    }

    private Cell cell(XSSFSheet sheet, int r, int c, String text, Styles.Kind kind) {
        return cell(sheet, r, c, text, kind, styles);
    }

    private static void fill(XSSFSheet sheet, int r1, int r2, int c1, int c2, CellStyle style) {
        for (int r = r1; r <= r2; r++) {
            Row row = row(sheet, r);
            for (int c = c1; c <= c2; c++) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    cell = row.createCell(c);
                }
                cell.setCellStyle(style);
            }
        }
    }

    private static void merge(XSSFSheet sheet, int r1, int r2, int c1, int c2) {
        if (r1 != r2 || c1 != c2) {
            sheet.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
        }
    }
}
