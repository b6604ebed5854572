package io.xxgk.excel;

import io.xxgk.analysis.Analysis;
import io.xxgk.ingest.excel.SummaryDetails;
import io.xxgk.merge.FindingSpool;
import io.xxgk.merge.MergeInput;
import io.xxgk.merge.MergeResult;
import io.xxgk.merge.RosterLine;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.AtomicFiles;
import io.xxgk.util.RunFiles;
import io.xxgk.util.Timing;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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

    /** Writes the summary of {@code r} with its {@code analysis} (null: none, no 分析 and 各单位指标). */
    public static void write(MergeResult r, Analysis analysis, Identity summary, FindingSpool spool, Path target,
                             boolean replace) throws IOException {
        Layout layout = r.layout();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < layout.cells().size(); i++) {
            values.put(layout.cells().get(i).key(), r.sums()[i]);
        }
        XSSFWorkbook base = new XSSFWorkbook();
        CellStyle bold = boldStyle(base);
        int headerStyle = bold.getIndex();
        CellStyle problem = filled(base, IndexedColors.ROSE);
        Path temp = RunFiles.dir();
        Path poiFile = Files.createTempFile(temp, "xxgk-summary-", ".xlsx");
        List<Part> parts = new ArrayList<>();
        SXSSFWorkbook wb = null;
        try {
            // The sheets of a row per input or agency are written on their own threads while POI builds the rest.
            Part details = part(parts, temp, "xxgk-details", f -> DetailSheet.write(f, r.inputs(), layout, headerStyle));
            Part issues = part(parts, temp, "xxgk-issues", f -> IssueSheet.write(f, r.findings(),
                    r.findingAgencies(summary.get(IdentityField.NAME).orElse("")), spool, layout, headerStyle));
            Part agencies = analysis == null ? null
                    : part(parts, temp, "xxgk-agencies", f -> AgencySheet.write(f, analysis, r.carry() != null, headerStyle));
            Part cross = r.carry() == null ? null
                    : part(parts, temp, "xxgk-cross-year", f -> CrossYearSheet.write(f, r, headerStyle, problem.getIndex()));
            new TemplateWriter(layout).buildSummary(base, summary, values, TABLES, "（汇总 " + r.units() + " 个单位）");
            XSSFSheet detailSheet = base.createSheet(SummaryDetails.SHEET);
            XSSFSheet issueSheet = base.createSheet(ISSUES);
            // Header rows repeated on every printed page (workbook names: they outlive the parts written beside).
            detailSheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            // …and the agency's number and name at the left of every page of the wide 明细.
            detailSheet.setRepeatingColumns(CellRangeAddress.valueOf("A:B"));
            issueSheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            details.name = partName(detailSheet);
            issues.name = partName(issueSheet);
            // 分析 holds charts: written in the workbook itself, not streamed.
            Timing.phase("write (sheets before 分析)");
            if (analysis != null) {
                AnalysisSheet.write(base, analysis, bold);
                agencies.name = listed(base, AgencySheet.SHEET);
            }
            Timing.phase("analysis sheet");
            // 报送情况 is filled below, streamed; made here to keep its place before 跨年核对.
            if (r.roster() != null) {
                base.createSheet(ROSTER);
            }
            if (cross != null) {
                cross.name = listed(base, CrossYearSheet.SHEET);
            }
            wb = new FastDeflateWorkbook(base);
            if (r.roster() != null) {
                roster(wb, r, bold, problem);
            }

            try (OutputStream out = Files.newOutputStream(poiFile)) {
                wb.write(out);
            }
            Map<String, SheetPart.Written> written = new HashMap<>();
            for (Part p : parts) {
                written.put(p.name, p.job.result());
            }
            AtomicFiles.write(target, replace, out -> withParts(poiFile, written, out));
        } finally {
            // Their files are deleted below: let them finish first (they are bounded work).
            for (Part p : parts) {
                p.job.awaitQuietly();
            }
            if (wb != null) {
                wb.dispose();
                wb.close();
            } else {
                base.close();
            }
            for (Part p : parts) {
                Files.deleteIfExists(p.file);
            }
            Files.deleteIfExists(poiFile);
        }
    }

    /** A sheet written beside POI: its file, the thread writing it, and its part's name in the workbook once made. */
    private static final class Part {
        final Path file;
        final Background job;
        String name;

        Part(Path file, Background job) {
            this.file = file;
            this.job = job;
        }
    }

    /** What writes a sheet part into a file. */
    @FunctionalInterface
    private interface PartWriter {
        SheetPart.Written write(Path file) throws IOException;
    }

    /** Starts writing a part into a new file of {@code temp} on a thread named {@code name}; added to {@code parts}. */
    private static Part part(List<Part> parts, Path temp, String name, PartWriter writer) throws IOException {
        Path file = Files.createTempFile(temp, name + "-", ".deflate");
        Part p = new Part(file, background(name, () -> writer.write(file)));
        parts.add(p);
        return p;
    }

    /** An empty sheet of the workbook, its part to be taken from a file: a list with its header row on every printed page. */
    private static String listed(XSSFWorkbook base, String name) {
        XSSFSheet sheet = base.createSheet(name);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        return partName(sheet);
    }

    /** A sheet part written on its own thread. */
    private record Background(FutureTask<SheetPart.Written> task, Thread thread) {

        SheetPart.Written result() throws IOException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the summary");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        void awaitQuietly() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Background background(String name, Callable<SheetPart.Written> job) {
        FutureTask<SheetPart.Written> task = new FutureTask<>(job);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return new Background(task, t);
    }

    private static String partName(XSSFSheet sheet) {
        return sheet.getPackagePart().getPartName().getName().substring(1);
    }

    /**
     * Copies the workbook POI wrote, entry by entry without inflating anything, with each part named
     * in {@code parts} taken from its deflated file instead.
     */
    private static void withParts(Path workbook, Map<String, SheetPart.Written> parts, OutputStream out)
            throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(workbook).get();
             ZipArchiveOutputStream zos = new ZipArchiveOutputStream(out)) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                SheetPart.Written part = parts.get(e.getName());
                if (part != null) {
                    ZipArchiveEntry entry = new ZipArchiveEntry(e.getName());
                    entry.setMethod(ZipArchiveEntry.DEFLATED);
                    entry.setCrc(part.crc());
                    entry.setSize(part.size());
                    entry.setCompressedSize(part.compressedSize());
                    try (InputStream in = Files.newInputStream(part.file())) {
                        zos.addRawArchiveEntry(entry, in);
                    }
                } else {
                    try (InputStream in = zip.getRawInputStream(e)) {
                        zos.addRawArchiveEntry(e, in);
                    }
                }
            }
            zos.finish();
        }
    }

    /** Bold, wrapped: the header style of the sheets after 汇总 (the first style a new workbook gets). */
    private static CellStyle boldStyle(XSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        s.setFont(f);
        s.setWrapText(true);
        return s;
    }

    private static void roster(SXSSFWorkbook wb, MergeResult r, CellStyle bold, CellStyle problem) {
        Sheet sheet = wb.getSheet(ROSTER);
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
            Cell status = text(row, 3, line.status().label());
            if (line.status() != RosterLine.Status.SUBMITTED) {
                status.setCellStyle(problem); // 未报送, 重复, 有错误, 空表 stand out
            }
            text(row, 4, line.matches().stream().map(MergeInput::file).collect(Collectors.joining("；")));
        }
        n++;
        // The heading across the columns (in column A alone it was cut to "的报送"), and a line under it.
        Row heading = sheet.createRow(n);
        text(heading, 0, "不在名单中的报送").setCellStyle(bold);
        sheet.addMergedRegion(new CellRangeAddress(n, n, 0, 4));
        n++;
        if (r.offRoster().isEmpty()) {
            text(sheet.createRow(n++), 1, "无");
        }
        for (MergeInput in : r.offRoster()) {
            Row row = sheet.createRow(n++);
            text(row, 1, in.name());
            text(row, 2, in.identity().get(IdentityField.CREDIT_CODE).orElse(""));
            text(row, 3, in.status().label());
            text(row, 4, in.file());
        }
        widths(sheet, 10, 34, 22, 18, 60);
        asList(sheet);
    }

    /** Column widths in characters (a Chinese character counts two). */
    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    /** A list: its header row frozen and repeated on every printed page, landscape A4 fitted to the width. */
    private static void asList(Sheet sheet) {
        sheet.createFreezePane(0, 1);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.getHeader().setCenter("&A");
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    private static CellStyle filled(Workbook wb, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    /** Streams 报送情况 (a row per agency) and zips with the fastest level. */
    private static final class FastDeflateWorkbook extends SXSSFWorkbook {
        FastDeflateWorkbook(XSSFWorkbook base) {
            super(base, 200);
            setCompressTempFiles(false);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(
                OutputStream out) {
            ZipArchiveOutputStream zos = super.createArchiveOutputStream(out);
            zos.setLevel(Deflater.BEST_SPEED);
            return zos;
        }
    }

    /** A plain text cell: a value starting with "=" stays text, never becomes a formula. */
    private static Cell text(Row row, int col, String value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }
}
