package io.xxgk.excel;

import io.xxgk.finding.Finding;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.excel.SummaryDetails;
import io.xxgk.merge.FindingSpool;
import io.xxgk.merge.MergeInput;
import io.xxgk.merge.MergeResult;
import io.xxgk.merge.RosterLine;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the summary workbook of a merge: 汇总 (the sums in the official layout, with the template's
 * defined names, so it is itself a report that can be checked and merged again), 基本信息, 明细 (one
 * row per input with all values), 问题清单 and, with a roster, 报送情况. Large sheets are streamed.
 */
public final class SummaryWriter {

    public static final String TABLES = "汇总";
    public static final String ISSUES = "问题清单";
    public static final String ROSTER = "报送情况";

    private SummaryWriter() {
    }

    public static void write(MergeResult r, Identity summary, FindingSpool spool, Path target, boolean replace)
            throws IOException {
        Layout layout = r.layout();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < layout.cells().size(); i++) {
            values.put(layout.cells().get(i).key(), r.sums()[i]);
        }
        XSSFWorkbook base = new TemplateWriter(layout).buildSummary(summary, values, TABLES,
                "（汇总 " + r.units() + " 个单位）");
        FastDeflateWorkbook wb = new FastDeflateWorkbook(base);
        try {
            CellStyle bold = boldStyle(wb);
            details(wb, r, bold);
            issues(wb, r, spool, bold);
            if (r.roster() != null) {
                roster(wb, r, bold);
            }
            if (r.carry() != null) {
                crossYear(wb, r, bold);
            }
            AtomicFiles.write(target, replace, wb::write);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private static CellStyle boldStyle(SXSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        s.setFont(f);
        s.setWrapText(true);
        return s;
    }

    /** The header rows of 明细; its data rows are written by {@link DetailRows} when the workbook is. */
    private static void details(FastDeflateWorkbook wb, MergeResult r, CellStyle bold) {
        Sheet sheet = wb.createSheet(SummaryDetails.SHEET);
        Row labels = sheet.createRow(0);
        Row keys = sheet.createRow(1);
        int c = 0;
        for (String h : DetailRows.HEAD) {
            text(labels, c, h).setCellStyle(bold);
            c++;
        }
        for (CellDef def : r.layout().cells()) {
            text(labels, c, def.displayLabel()).setCellStyle(bold);
            text(keys, c, def.key());
            c++;
        }
        wb.append(SummaryDetails.SHEET, new DetailRows(r.inputs(), r.layout().cells().size()), 2);
        sheet.createFreezePane(2, 2);
        sheet.setColumnWidth(1, 30 * 256);
        sheet.setColumnWidth(6, 30 * 256);
    }

    private static void issues(SXSSFWorkbook wb, MergeResult r, FindingSpool spool, CellStyle bold) throws IOException {
        Sheet sheet = wb.createSheet(ISSUES);
        Row head = sheet.createRow(0);
        String[] cols = {"单位", "文件", "单元格", "键名", "规则", "严重程度", "说明"};
        for (int i = 0; i < cols.length; i++) {
            text(head, i, cols[i]).setCellStyle(bold);
        }
        int[] n = {1};
        for (Finding f : r.findings()) {
            line(sheet, n[0]++, new FindingSpool.Line("", f.file(), f.cell(), f.key(), f.rule(),
                    Messages.get("severity." + f.severity().id()), f.message()));
        }
        try {
            spool.forEach(l -> line(sheet, n[0]++, l));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int[] widths = {26, 30, 14, 34, 12, 8, 90};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static void line(Sheet sheet, int r, FindingSpool.Line l) {
        Row row = sheet.createRow(r);
        String[] v = {l.agency(), l.file(), l.cell(), l.key(), l.rule(), l.severity(), l.message()};
        for (int i = 0; i < v.length; i++) {
            text(row, i, v[i]);
        }
    }

    private static void roster(SXSSFWorkbook wb, MergeResult r, CellStyle bold) {
        Sheet sheet = wb.createSheet(ROSTER);
        Row head = sheet.createRow(0);
        String[] cols = {"名单行号", IdentityField.NAME.label(), IdentityField.CREDIT_CODE.label(), "报送情况", "文件"};
        for (int i = 0; i < cols.length; i++) {
            text(head, i, cols[i]).setCellStyle(bold);
        }
        int n = 1;
        for (RosterLine line : r.roster()) {
            Row row = sheet.createRow(n++);
            row.createCell(0).setCellValue(line.entry().row());
            text(row, 1, line.entry().identity().get(IdentityField.NAME).orElse(""));
            text(row, 2, line.entry().identity().get(IdentityField.CREDIT_CODE).orElse(""));
            text(row, 3, line.status().label());
            text(row, 4, line.matches().stream().map(MergeInput::file).collect(Collectors.joining("；")));
        }
        n++;
        text(sheet.createRow(n++), 0, "不在名单中的报送").setCellStyle(bold);
        for (MergeInput in : r.offRoster()) {
            Row row = sheet.createRow(n++);
            text(row, 1, in.name());
            text(row, 2, in.identity().get(IdentityField.CREDIT_CODE).orElse(""));
            text(row, 3, in.status().label());
            text(row, 4, in.file());
        }
        sheet.setColumnWidth(1, 30 * 256);
        sheet.setColumnWidth(4, 40 * 256);
    }

    public static final String CROSS_YEAR = "跨年核对";

    /** Per merged agency: last year's 结转下年度 against this year's 上年结转, column by column. */
    private static void crossYear(SXSSFWorkbook wb, MergeResult r, CellStyle bold) {
        Sheet sheet = wb.createSheet(CROSS_YEAR);
        Layout layout = r.layout();
        Row head = sheet.createRow(0);
        int c = 0;
        for (String h : List.of("单位", "本年文件", "上年文件", "结论")) {
            text(head, c++, h).setCellStyle(bold);
        }
        for (io.xxgk.schema.CarryDef cd : layout.carries()) {
            String col = layout.cell(cd.thisYear()).orElseThrow().colLabel();
            text(head, c++, col + "：上年结转下年").setCellStyle(bold);
            text(head, c++, col + "：本年上年结转").setCellStyle(bold);
        }
        int n = 1;
        for (io.xxgk.merge.CarryLine line : r.carry()) {
            Row row = sheet.createRow(n++);
            text(row, 0, line.input().name());
            text(row, 1, line.input().file());
            text(row, 2, line.lastYear() == null ? "" : line.lastYear().file());
            String verdict = line.lastYear() == null ? "无上年报表"
                    : line.findings().stream().anyMatch(f -> f.rule().equals("Y-YEAR")) ? "年度不连续"
                    : line.findings().stream().anyMatch(f -> f.rule().equals("Y-CARRY")) ? "不符" : "相符";
            text(row, 3, verdict);
            int col = 4;
            for (io.xxgk.schema.CarryDef cd : layout.carries()) {
                BigDecimal last = line.lastYear() == null ? null : line.lastYear().values().get(cd.lastYear());
                BigDecimal now = line.input().value(layout.indexOf(cd.thisYear()));
                if (line.lastYear() != null) {
                    row.createCell(col).setCellValue(last == null ? 0 : last.doubleValue());
                }
                row.createCell(col + 1).setCellValue(now == null ? 0 : now.doubleValue());
                col += 2;
            }
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 36 * 256);
        sheet.setColumnWidth(2, 36 * 256);
    }

    /**
     * Streams with the fastest zip level (the 明细 of 10,000 inputs is two million cells, and
     * deflating them at the default level took longer than reading every input), and appends rows
     * written by {@link DetailRows} after a sheet's own rows.
     */
    private static final class FastDeflateWorkbook extends SXSSFWorkbook {
        private final Map<String, DetailRows> appended = new java.util.HashMap<>();
        private final Map<String, Integer> firstRows = new java.util.HashMap<>();

        FastDeflateWorkbook(XSSFWorkbook base) {
            super(base, 200);
            setCompressTempFiles(false);
        }

        /** Rows to write after the sheet's own, the first at {@code firstRow} (0-based). */
        void append(String sheet, DetailRows rows, int firstRow) {
            appended.put(sheet, rows);
            firstRows.put(sheet, firstRow);
        }

        @Override
        protected void flushSheets() throws IOException {
            super.flushSheets();
            for (Map.Entry<String, DetailRows> e : appended.entrySet()) {
                getXSSFWorkbook().getSheet(e.getKey())
                        .setDimensionOverride(e.getValue().dimension(firstRows.get(e.getKey())));
            }
        }

        @Override
        protected ISheetInjector createSheetInjector(org.apache.poi.xssf.streaming.SXSSFSheet sheet) throws IOException {
            ISheetInjector own = super.createSheetInjector(sheet);
            DetailRows rows = appended.get(sheet.getSheetName());
            if (rows == null) {
                return own;
            }
            int first = firstRows.get(sheet.getSheetName());
            return out -> {
                own.writeSheetData(out);
                rows.write(out, first);
            };
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                java.io.OutputStream out) {
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zos = super.createArchiveOutputStream(out);
            zos.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zos;
        }
    }

    /** A plain text cell: a value starting with "=" stays text, never becomes a formula. */
    private static org.apache.poi.ss.usermodel.Cell text(Row row, int col, String value) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(col);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }
}
