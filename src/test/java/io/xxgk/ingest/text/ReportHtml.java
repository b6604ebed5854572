package io.xxgk.ingest.text;

import io.xxgk.schema.FormItem;
import io.xxgk.schema.Layout;
import io.xxgk.schema.TableForm;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Renders a report as a web page the way agencies publish it: a title, a paragraph of narrative,
 * and the three tables drawn from the layout's forms with rowspan/colspan, {@code <br>} inside
 * labels and {@code &nbsp;} for empty cells. Test fixtures only.
 */
final class ReportHtml {

    private ReportHtml() {
    }

    static String render(Layout layout, String title, Map<String, BigDecimal> values) {
        return render(layout, title, values, true);
    }

    /** With {@code ruled} false the tables have no borders: a PDF of the page has no ruling lines. */
    static String render(Layout layout, String title, Map<String, BigDecimal> values, boolean ruled) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title></head><body><div class=\"nav\">首页 &gt; 政务公开</div><h1>")
                .append(title).append("</h1><p>一、总体情况</p><p>本年度共收到申请若干件。</p>");
        for (TableForm form : layout.forms()) {
            h.append("<p>").append(form.title()).append("</p><table width=\"100%\" border=\"").append(ruled ? 1 : 0).append("\">");
            int cols = layout.columnWidths().size();
            boolean[][] covered = new boolean[form.rows()][cols];
            for (int r = 0; r < form.rows(); r++) {
                h.append("<tr>");
                for (int c = 0; c < cols; c++) {
                    if (covered[r][c]) {
                        continue;
                    }
                    FormItem item = at(form, r, c);
                    if (item == null) {
                        h.append("<td>&nbsp;</td>");
                        continue;
                    }
                    for (int rr = item.row(); rr <= item.lastRow(); rr++) {
                        for (int cc = item.col(); cc <= item.lastCol(); cc++) {
                            covered[rr][cc] = true;
                        }
                    }
                    h.append("<td rowspan=\"").append(item.lastRow() - item.row() + 1)
                            .append("\" colspan=\"").append(item.lastCol() - item.col() + 1).append("\">");
                    if (item instanceof FormItem.Label l) {
                        h.append(l.text().replace("\n", "<br>"));
                    } else if (item instanceof FormItem.Slot s) {
                        BigDecimal v = values.get(s.key());
                        h.append(v == null ? "&nbsp;" : v.toPlainString());
                    }
                    h.append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</table>");
        }
        return h.append("<p>五、存在的主要问题及改进情况</p><p>附件下载 扫一扫在手机打开当前页</p></body></html>").toString();
    }

    private static FormItem at(TableForm form, int r, int c) {
        for (FormItem item : form.items()) {
            if (item.row() == r && item.col() == c) {
                return item;
            }
        }
        return null;
    }
}
