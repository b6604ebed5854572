package io.xxgk.web;

import io.xxgk.schema.FormItem;
import io.xxgk.schema.Layout;
import io.xxgk.schema.PrintedLabels;
import io.xxgk.schema.TableForm;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * The official tables as HTML, drawn from the layout's forms (labels and cells with their row and
 * column spans), each number cell holding its value: the page shows a checked file this way, its
 * cells with errors and warnings marked and the message in the cell's title.
 */
public final class FormHtml {

    /** How a cell is marked: its class and the message shown with it. */
    public record Mark(String cssClass, String message) {
    }

    private FormHtml() {
    }

    /** Every table of the layout, one {@code <table>} each after its title, as the workbook prints them. */
    public static String render(Layout layout, Map<String, BigDecimal> values, Map<String, Mark> marks) {
        return render(layout, values, marks, true);
    }

    /**
     * As {@link #render(Layout, Map, Map)}; {@code asPrinted} false leaves out the workbook's column
     * proportions and word-end breaks (a plain table, as a web site publishes one).
     */
    public static String render(Layout layout, Map<String, BigDecimal> values, Map<String, Mark> marks, boolean asPrinted) {
        StringBuilder h = new StringBuilder();
        for (TableForm form : layout.forms()) {
            h.append("<p class=\"form-title\">").append(WebPage.escape(form.title())).append("</p>");
            table(layout, form, values, marks, asPrinted, h);
        }
        return h.toString();
    }

    private static void table(Layout layout, TableForm form, Map<String, BigDecimal> values, Map<String, Mark> marks,
                              boolean asPrinted, StringBuilder h) {
        h.append("<table class=\"form\" width=\"100%\" border=\"1\">");
        int cols = layout.columnWidths().size();
        if (asPrinted) {
            // The official grid's proportions, as the workbook prints them.
            double total = layout.columnWidths().stream().mapToDouble(Double::doubleValue).sum();
            h.append("<colgroup>");
            for (double w : layout.columnWidths()) {
                h.append("<col width=\"").append(String.format(Locale.ROOT, "%.2f", 100 * w / total)).append("%\">");
            }
            h.append("</colgroup>");
        }
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
                        .append("\" colspan=\"").append(item.lastCol() - item.col() + 1).append('"');
                if (item instanceof FormItem.Slot s) {
                    Mark m = marks.get(s.key());
                    h.append(" data-key=\"").append(s.key()).append('"');
                    if (m != null) {
                        h.append(" class=\"").append(m.cssClass()).append("\" title=\"").append(WebPage.escape(m.message())).append('"');
                    }
                }
                h.append('>');
                if (item instanceof FormItem.Label l) {
                    String text = asPrinted ? PrintedLabels.of(layout, l) : l.text();
                    h.append(WebPage.escape(text).replace("\n", "<br>"));
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

    private static FormItem at(TableForm form, int r, int c) {
        for (FormItem item : form.items()) {
            if (item.row() == r && item.col() == c) {
                return item;
            }
        }
        return null;
    }
}
