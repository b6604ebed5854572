package io.xxgk.excel;

import io.xxgk.check.CheckResult;
import io.xxgk.finding.Blanks;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.IdentityField;
import io.xxgk.util.AtomicFiles;
import io.xxgk.util.DisplayWidth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPageSetup;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellComments;

/**
 * Writes an annotated copy of a checked workbook, for the coordinator to send back: every cell
 * with a finding filled red with a comment holding its messages, and a sheet 问题清单 listing every
 * finding with a link to its cell. The input file itself is only read.
 */
public final class Annotator {

    public static final String ISSUES_SHEET = "问题清单";

    private Annotator() {
    }

    /** Writes the annotated copy of {@code input} to {@code target} (through a temporary file). */
    public static void write(Path input, CheckResult result, Path target) throws IOException {
        write(input, result, target, null, false);
    }

    /**
     * As {@link #write(Path, CheckResult, Path)}, recording {@code values} (the fingerprint of the
     * numbers annotated, or null) in the copy, to tell a copy sent back fixed from one unchanged; blank
     * cells marked lightly and said in one line of 问题清单 unless {@code strictBlank}.
     */
    public static void write(Path input, CheckResult result, Path target, String values, boolean strictBlank)
            throws IOException {
        write(input, result, target, OutputMark.Kind.ANNOTATED,
                values == null ? Map.of() : Map.of(OutputMark.ANNOTATED_VALUES, values), strictBlank);
    }

    /** As above, marked as {@code kind} with these custom properties (an imported report keeps its findings so). */
    public static void write(Path input, CheckResult result, Path target, OutputMark.Kind kind,
                             Map<String, String> properties, boolean strictBlank) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(input)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            Defuse.values(wb, inputCells(result));
            markCells(wb, result.findings(), strictBlank);
            OutputMark.set(wb, kind);
            properties.forEach((name, value) -> OutputMark.set(wb, name, value));
            issueSheet(wb, result, Blanks.collapsed(result.findings(), strictBlank));
            AtomicFiles.write(target, true, wb::write);
        }
    }

    /** Where the input's numbers are typed ("统计表!I25"): its cells of every key that is no total. */
    private static Set<String> inputCells(CheckResult result) {
        Set<String> out = new HashSet<>();
        if (result.layout() == null || result.cells() == null) {
            return out;
        }
        result.cells().forEach((key, raw) -> {
            if (raw != null && raw.sheet() != null && raw.a1() != null && !result.layout().isFormula(key)) {
                out.add(raw.sheet() + "!" + raw.a1());
            }
        });
        return out;
    }

    private static void markCells(Workbook wb, List<Finding> findings, boolean strictBlank) {
        Set<Sheet> shown = new HashSet<>();
        Map<String, List<Finding>> byCell = findings.stream().filter(f -> f.cell() != null)
                .collect(Collectors.groupingBy(Finding::cell, LinkedHashMap::new, Collectors.toList()));
        Map<String, CellStyle> marked = new HashMap<>();
        CreationHelper helper = wb.getCreationHelper();
        Map<Sheet, Drawing<?>> drawings = new HashMap<>();
        for (Map.Entry<String, List<Finding>> e : byCell.entrySet()) {
            CellReference ref = new CellReference(e.getKey());
            Sheet sheet = wb.getSheet(ref.getSheetName());
            if (sheet == null) {
                continue;
            }
            Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
            // Errors red, warnings yellow; a cell only left blank pale grey and without a comment (a
            // template returned with its zeros blank must not drown the errors), unless every blank is asked for.
            boolean error = e.getValue().stream().anyMatch(f -> f.severity() == Severity.ERROR);
            boolean warning = e.getValue().stream().anyMatch(f -> f.severity() == Severity.WARNING);
            boolean onlyBlank = !strictBlank && e.getValue().stream().allMatch(Blanks::isBlank);
            if (onlyBlank) {
                CellStyle base = cell.getCellStyle();
                cell.setCellStyle(marked.computeIfAbsent(base.getIndex() + "/blank",
                        k -> filled(wb, base, IndexedColors.GREY_25_PERCENT)));
                continue;
            }
            if (error || warning) {
                IndexedColors color = error ? IndexedColors.RED : IndexedColors.LIGHT_YELLOW;
                CellStyle base = cell.getCellStyle();
                // Shown as typed (2.5 showed as 3 under the template's whole-number format).
                cell.setCellStyle(marked.computeIfAbsent(base.getIndex() + "/" + color + "/general", k -> {
                    CellStyle s = filled(wb, base, color);
                    s.setDataFormat((short) 0);
                    return s;
                }));
                shown.add(sheet);
            }
            String text = e.getValue().stream().map(f -> "[" + f.rule() + "] " + f.message())
                    .collect(Collectors.joining("\n"));
            Drawing<?> drawing = drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
            ClientAnchor anchor = helper.createClientAnchor();
            // XSSF ties a comment to the anchor's top-left cell, so the anchor starts at the cell.
            anchor.setCol1(ref.getCol());
            anchor.setCol2(ref.getCol() + 5);
            anchor.setRow1(ref.getRow());
            anchor.setRow2(ref.getRow() + 4);
            cell.removeCellComment();
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(text));
            comment.setAuthor("xxgk");
            cell.setCellComment(comment);
        }
        showFindings(shown);
    }

    /**
     * On the sheets marked: the template's own colouring rules off (its red for a bad entry made a
     * warning cell print pink like an error: the copy's colours are the findings'), and the comments
     * printed at the end of the sheet (they never printed).
     */
    private static void showFindings(Set<Sheet> sheets) {
        for (Sheet sheet : sheets) {
            SheetConditionalFormatting rules = sheet.getSheetConditionalFormatting();
            while (rules.getNumConditionalFormattings() > 0) {
                rules.removeConditionalFormatting(0);
            }
            if (sheet instanceof XSSFSheet x) {
                CTPageSetup setup = x.getCTWorksheet().isSetPageSetup() ? x.getCTWorksheet().getPageSetup()
                        : x.getCTWorksheet().addNewPageSetup();
                setup.setCellComments(STCellComments.AT_END);
            }
        }
    }

    private static CellStyle filled(Workbook wb, CellStyle base, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(base);
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    /**
     * A list's print set-up: its header row frozen and repeated on every page, A4 landscape fitted
     * to the width, page numbers at the foot.
     */
    static void listPrinting(Sheet sheet) {
        listPrinting(sheet, null);
    }

    /**
     * As {@link #listPrinting(Sheet)}, the columns set to {@code widths} (characters; null: as they are).
     * A list of about 150 characters prints on A4 landscape at ~90%, the text still at least 9 pt.
     */
    static void listPrinting(Sheet sheet, int[] widths) {
        if (widths != null) {
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        sheet.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    /** 问题清单's columns (单位, 文件, 单元格, 项目, 严重程度, 规则, 说明, 键名): ~150 characters, the long ones wrapped. */
    private static final int[] ISSUE_WIDTHS = {16, 18, 12, 26, 6, 11, 46, 18};

    /**
     * The row as high as its longest wrapped text: Excel, WPS and LibreOffice do not all grow a row
     * for wrapped text written by a program.
     */
    static void fitHeight(Row row, int[] widths) {
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() == CellType.STRING) {
                int width = Math.max(2, widths[c] - 1);
                lines = Math.max(lines, (DisplayWidth.of(cell.getStringCellValue()) + width - 1) / width);
            }
        }
        row.setHeightInPoints(lines * 15f);
    }

    private static void issueSheet(Workbook wb, CheckResult result, List<Finding> shown) {
        int existing = wb.getSheetIndex(ISSUES_SHEET);
        if (existing >= 0) {
            wb.removeSheetAt(existing);
        }
        Sheet sheet = wb.createSheet(ISSUES_SHEET);
        CreationHelper helper = wb.getCreationHelper();
        CellStyle link = wb.createCellStyle();
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        link.setFont(blue);
        // The columns of the summary's 问题清单: the official label leads, the key comes last.
        List<String> head = IssueSheet.HEAD;
        CellStyle bold = wb.createCellStyle();
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        bold.setFont(boldFont);
        bold.setWrapText(true);
        bold.setVerticalAlignment(VerticalAlignment.CENTER);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        Row h = sheet.createRow(0);
        for (int i = 0; i < head.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(head.get(i));
            c.setCellStyle(bold);
        }
        String agency = result.identity().get(IdentityField.NAME).orElse("");
        int r = 1;
        for (Finding f : shown) {
            Row row = sheet.createRow(r++);
            // Plain string cells: a name starting with "=" stays text, never a formula.
            row.createCell(0).setCellValue(agency);
            row.createCell(1).setCellValue(Path.of(f.file()).getFileName().toString());
            Cell where = row.createCell(2);
            where.setCellValue(f.cell() == null ? "" : f.cell());
            if (f.cell() != null) {
                CellReference ref = new CellReference(f.cell());
                Hyperlink h2 = helper.createHyperlink(HyperlinkType.DOCUMENT);
                h2.setAddress("'" + ref.getSheetName() + "'!" + new CellReference(ref.getRow(), ref.getCol()).formatAsString());
                where.setHyperlink(h2);
                where.setCellStyle(link);
            }
            String label = f.key() == null || result.layout() == null ? ""
                    : result.layout().cell(f.key()).map(CellDef::displayLabel).orElse("");
            row.createCell(3).setCellValue(label);
            row.createCell(4).setCellValue(Messages.get("severity." + f.severity().id()));
            row.createCell(5).setCellValue(f.rule());
            row.createCell(6).setCellValue(f.message());
            row.createCell(7).setCellValue(f.key() == null ? "" : f.key());
            for (int c = 0; c < head.size(); c++) {
                if (row.getCell(c).getCellStyle().getIndex() == 0) {
                    row.getCell(c).setCellStyle(wrap);
                }
            }
            fitHeight(row, ISSUE_WIDTHS);
        }
        listPrinting(sheet, ISSUE_WIDTHS);
        wb.setActiveSheet(wb.getSheetIndex(sheet));
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == wb.getSheetIndex(sheet));
        }
    }
}
