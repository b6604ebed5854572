package io.xxgk.excel;

import io.xxgk.analysis.Analysis;
import io.xxgk.analysis.Indicator;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The summary's sheet 分析: every figure of the totals with its definition; with last year's reports the
 * same figures of this year and last year over the agencies that have both, and the change; then the
 * agencies by 公开率, the base beside each rate. Rates are written as numbers in percent (61.5), as shown.
 */
final class AnalysisSheet {

    static final String SHEET = "分析";
    private static final int[] WIDTHS = {34, 12, 14, 14, 12, 44, 30};

    private AnalysisSheet() {
    }

    static void write(Workbook wb, Analysis a, CellStyle bold) {
        Sheet sheet = wb.createSheet(SHEET);
        int n = 0;
        Row head = sheet.createRow(n++);
        String[] titles = {"指标", "本年", "本年·同批", "上年·同批", "变化", "定义", "说明"};
        for (int c = 0; c < titles.length; c++) {
            text(head, c, titles[c]).setCellStyle(bold);
        }
        for (int i = 0; i < a.now().size(); i++) {
            Indicator now = a.now().get(i);
            Row row = sheet.createRow(n++);
            text(row, 0, now.label() + (now.rate() ? "（%）" : ""));
            value(row, 1, now);
            if (a.lastYear() != null) {
                Indicator same = a.sameNow().get(i);
                Indicator last = a.lastYear().get(i);
                value(row, 2, same);
                value(row, 3, last);
                if (same.value() != null && last.value() != null) {
                    row.createCell(4).setCellValue(same.value().subtract(last.value()).doubleValue());
                }
            }
            text(row, 5, now.definition());
            text(row, 6, now.note() == null ? "" : now.note());
        }
        if (a.lastYear() != null) {
            text(sheet.createRow(n++), 0, "同批：有上年报表的 " + a.pairedUnits() + " 个单位，本年与上年都按这些单位计；“变化”为百分点或件数之差");
        }
        n++;
        Row rankHead = sheet.createRow(n++);
        List<String> rankTitles = List.of("单位（按公开率）", "名次", "办结（件）", "公开率（%）", "", "文件", "说明");
        for (int c = 0; c < rankTitles.size(); c++) {
            text(rankHead, c, rankTitles.get(c)).setCellStyle(bold);
        }
        int place = 0;
        for (Analysis.Ranked r : a.ranking()) {
            Row row = sheet.createRow(n++);
            boolean ranked = r.rate().value() != null && !r.rate().smallBase();
            text(row, 0, r.agency() == null ? "" : r.agency());
            text(row, 1, ranked ? String.valueOf(++place) : "—");
            row.createCell(2).setCellValue(r.closed().doubleValue());
            value(row, 3, r.rate());
            text(row, 5, r.file());
            text(row, 6, r.rate().note() == null ? "" : r.rate().note());
        }
        for (int c = 0; c < WIDTHS.length; c++) {
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        Annotator.listPrinting(sheet);
    }

    /** A figure as a number (a rate in percent), or its "—" as text. */
    private static void value(Row row, int col, Indicator i) {
        BigDecimal v = i.value();
        if (v == null) {
            text(row, col, "—");
        } else {
            row.createCell(col).setCellValue(v.doubleValue());
        }
    }

    private static Cell text(Row row, int col, String value) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        return c;
    }
}
