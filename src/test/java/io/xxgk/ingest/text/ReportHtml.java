package io.xxgk.ingest.text;

import io.xxgk.schema.Layout;
import io.xxgk.web.FormHtml;
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
        // The tables as the page draws them (FormHtml), borders off for a PDF without ruling lines.
        String tables = FormHtml.render(layout, values, Map.of(), false)
                .replace("<p class=\"form-title\">", "<p>");
        h.append(ruled ? tables : tables.replace("border=\"1\"", "border=\"0\""));
        return h.append("<p>五、存在的主要问题及改进情况</p><p>附件下载 扫一扫在手机打开当前页</p></body></html>").toString();
    }
}
