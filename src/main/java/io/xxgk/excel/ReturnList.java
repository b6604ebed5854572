package io.xxgk.excel;

import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 退回清单: the list a coordinator works through when sending the annotated copies back — per file
 * with problems: the agency, the file, what became of it in the merge, what to fix first (one
 * sentence), how many errors and warnings, and the annotated copy to send.
 */
public final class ReturnList {

    /** The file name of the list, beside the copies. */
    public static final String FILE = "退回清单.xlsx";

    private static final List<String> HEAD = List.of("单位", "文件", "汇总情况", "首先要改", "错误", "警告", "标注副本");
    // About 150 characters: A4 landscape at ~90%, the text still ≥ 9 pt; long names and problems wrap.
    private static final int[] WIDTHS = {18, 28, 12, 56, 5, 5, 26};

    /** One file to send back. */
    public record Entry(String agency, String file, String status, String firstProblem, long errors, long warnings,
                        String copy) {
    }

    private ReturnList() {
    }

    public static void write(List<Entry> entries, Path target) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("退回清单");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEAD.size(); i++) {
                h.createCell(i).setCellValue(HEAD.get(i));
                h.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (Entry e : entries) {
                Row row = sheet.createRow(r++);
                // Plain string cells: a name starting with "=" stays text, never a formula.
                row.createCell(0).setCellValue(e.agency());
                row.createCell(1).setCellValue(e.file());
                row.createCell(2).setCellValue(e.status());
                row.createCell(3).setCellValue(e.firstProblem());
                row.createCell(4).setCellValue(e.errors());
                row.createCell(5).setCellValue(e.warnings());
                row.createCell(6).setCellValue(e.copy() == null ? "" : e.copy());
                for (int c = 0; c < HEAD.size(); c++) {
                    row.getCell(c).setCellStyle(wrap);
                }
                Annotator.fitHeight(row, WIDTHS);
            }
            Annotator.listPrinting(sheet, WIDTHS);
            OutputMark.set(wb, OutputMark.Kind.RETURN_LIST);
            AtomicFiles.write(target, true, wb::write);
        }
    }
}
