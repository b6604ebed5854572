package io.xxgk.ingest.excel;

import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import io.xxgk.ingest.Zips;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an OpenDocument spreadsheet (.ods, LibreOffice's own format) through SODS and copies its
 * cells and merged regions into a workbook in memory, which the label reader then reads like any
 * other: values as stored (a formula's cached result, flagged as such is not needed: totals are
 * recomputed anyway), as far as the label reader looks. Named ranges are not carried over.
 */
final class OdsWorkbook {

    /** content.xml of a report is far smaller than this; more is not a report (or a bomb). */
    static final long MAX_CONTENT_BYTES = 32L << 20;

    private OdsWorkbook() {
    }

    /** The spreadsheet as an in-memory workbook; the caller closes it. */
    static XSSFWorkbook open(Path file) throws IOException {
        // Bounded, and its parts' CRCs checked: a changed part is refused, never read as another number.
        Zips.verify(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw new IOException("not a valid ODF spreadsheet: no content.xml");
            }
            if (content.getSize() > MAX_CONTENT_BYTES) {
                throw new IOException("content.xml inflates to " + content.getSize() + " bytes");
            }
        }
        SpreadSheet ods;
        try (InputStream in = Zips.limited(Files.newInputStream(file), file.toString())) {
            ods = new SpreadSheet(in);
        }
        XSSFWorkbook wb = new XSSFWorkbook();
        for (Sheet s : ods.getSheets()) {
            copy(s, wb.createSheet(WorkbookUtil.createSafeSheetName(s.getName())));
        }
        return wb;
    }

    private static void copy(Sheet from, XSSFSheet to) {
        int rows = Math.min(from.getMaxRows(), WorkbookReader.MAX_SCAN_ROWS + 1);
        int cols = Math.min(from.getMaxColumns(), WorkbookReader.MAX_SCAN_COLS + 1);
        if (rows == 0 || cols == 0) {
            return;
        }
        Range all = from.getRange(0, 0, rows, cols);
        Object[][] values = all.getValues();
        Range[] merged = all.getMergedCells();
        for (Range m : merged) {
            // SODS gives a merged region's value in each of its cells; the sheet holds it once, top left.
            for (int r = m.getRow(); r < Math.min(rows, m.getRow() + m.getNumRows()); r++) {
                for (int c = m.getColumn(); c < Math.min(cols, m.getColumn() + m.getNumColumns()); c++) {
                    if (r != m.getRow() || c != m.getColumn()) {
                        values[r][c] = null;
                    }
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            Row row = null;
            for (int c = 0; c < cols; c++) {
                Object v = values[r][c];
                if (v == null) {
                    continue;
                }
                if (row == null) {
                    row = to.createRow(r);
                }
                Cell cell = row.createCell(c);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
        for (Range m : merged) {
            if (m.getRow() < rows && m.getColumn() < cols && (m.getNumRows() > 1 || m.getNumColumns() > 1)) {
                to.addMergedRegionUnsafe(new CellRangeAddress(m.getRow(), m.getRow() + m.getNumRows() - 1,
                        m.getColumn(), m.getColumn() + m.getNumColumns() - 1));
            }
        }
    }
}
