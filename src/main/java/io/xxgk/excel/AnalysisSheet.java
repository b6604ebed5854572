package io.xxgk.excel;

import io.xxgk.analysis.Analysis;
import io.xxgk.analysis.Indicator;
import io.xxgk.analysis.Indicators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The summary's sheet 分析: every figure of the totals with its definition; with last year's reports the
 * same figures of this year and last year over the agencies that have both, and the change; the first ten
 * agencies by each figure ranked, the base beside each rate; the trend; the charts. Rates are written as numbers in percent (61.5), as shown.
 */
final class AnalysisSheet {

    static final String SHEET = "分析";
    private static final int[] WIDTHS = {34, 12, 14, 14, 12, 44, 30};
    /** Agencies drawn in the chart of rates. */
    private static final int TOP = 30;

    private AnalysisSheet() {
    }

    /**
     * Writes the figures and the charts (with the small tables they draw from); every agency's figures are in
     * {@link AgencySheet}, which the sheet names.
     */
    static void write(XSSFWorkbook wb, Analysis a, CellStyle bold) {
        XSSFSheet sheet = wb.createSheet(SHEET);
        int n = 0;
        header(sheet.createRow(n++), bold, "指标", "本年", "本年·同批", "上年·同批", "变化", "定义", "说明");
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
        text(sheet.createRow(n++), 0, "每个单位的指标（按公开率排名）见工作表“" + AgencySheet.SHEET + "”");
        if (a.lastYear() != null) {
            text(sheet.createRow(n++), 0, "同批：有上年报表的 " + a.pairedUnits() + " 个单位，本年与上年都按这些单位计；“变化”为百分点或件数之差");
        }
        if (!a.movers().isEmpty()) {
            n++;
            header(sheet.createRow(n++), bold, "公开率变化最大的单位", "本年（%）", "", "上年（%）", "变化（百分点）", "文件", "说明");
            for (Analysis.Mover m : a.movers()) {
                Row row = sheet.createRow(n++);
                text(row, 0, m.agency() == null ? "" : m.agency());
                value(row, 1, m.now());
                value(row, 3, m.lastYear());
                row.createCell(4).setCellValue(m.change().doubleValue());
                text(row, 5, m.file());
                text(row, 6, "两年的办结都不少于 " + Indicators.SMALL_BASE + " 件");
            }
        }
        for (Analysis.Ranking k : a.rankings()) {
            n = top(sheet, k, bold, n + 1);
        }
        if (!a.trend().isEmpty()) {
            n = trend(sheet, a, bold, n + 1);
        }
        n = charts(sheet, a, bold, n + 1);
        for (int c = 0; c < WIDTHS.length; c++) {
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        Annotator.listPrinting(sheet);
        // A report of sections, each headed by its own row: the first section's header neither stays in view
        // nor heads every printed page (it stood over the charts' pages).
        sheet.setRepeatingRows(null);
        sheet.createFreezePane(0, 0);
    }

    /**
     * Two native charts under the figures (Excel, WPS and LibreOffice draw and print them), each beside the
     * small table it draws from: the results' shares of 办结, and the highest rates. Returns the next free row.
     */
    private static int charts(XSSFSheet sheet, Analysis a, CellStyle bold, int n) {
        // The charts begin a printed page: a page's end through a chart cut it in two.
        sheet.setRowBreak(n - 1);
        header(sheet.createRow(n++), bold, "办结中各类结果的占比", "本年（%）");
        int first = n;
        for (String id : List.of("rate.granted", "share.partial", "share.denied", "share.unable", "share.rejected", "share.other")) {
            Indicator i = find(a.now(), id);
            if (i == null) {
                continue;
            }
            Row row = sheet.createRow(n++);
            text(row, 0, i.label().replace("占比", "").replace("率", ""));
            value(row, 1, i);
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        bar(drawing, drawing.createAnchor(0, 0, 0, 0, 2, first - 1, 7, first + 14), "办结中各类结果的占比（%）",
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(first, n - 1, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, n - 1, 1, 1)));
        n = Math.max(n, first + 15) + 1;
        // The reasons behind the answers that gave nothing (不予公开, 无法提供, 不予处理, 其他处理), each as a share
        // of 办结: every reason, so that a reason never used shows as none.
        header(sheet.createRow(n++), bold, "各项理由占办结的比例", "本年（%）");
        int firstReason = n;
        for (Indicator i : a.now()) {
            if (i.id().matches("share\\.(denied|unable|rejected|other)\\..+")) {
                Row row = sheet.createRow(n++);
                text(row, 0, i.label());
                value(row, 1, i);
            }
        }
        if (n > firstReason) {
            int rows = Math.max(15, n - firstReason + 2);
            bar(drawing, drawing.createAnchor(0, 0, 0, 0, 2, firstReason - 1, 7, firstReason - 1 + rows),
                    "各项理由占办结的比例（%）",
                    XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(firstReason, n - 1, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstReason, n - 1, 1, 1)));
            n = Math.max(n, firstReason - 1 + rows) + 1;
        }
        // The highest rates over a base large enough (at most 30): a table, and its chart beside it.
        List<Analysis.Ranked> top = a.ranking().stream()
                .filter(r -> r.rate().value() != null && !r.rate().smallBase()).limit(TOP).toList();
        if (top.isEmpty()) {
            return n;
        }
        // A page of its own: after the reasons' chart it would be cut by the page's end.
        sheet.setRowBreak(n - 1);
        header(sheet.createRow(n++), bold, "公开率最高的单位", "公开率（%）");
        int firstTop = n;
        for (Analysis.Ranked r : top) {
            Row row = sheet.createRow(n++);
            text(row, 0, r.agency() == null ? r.file() : r.agency());
            value(row, 1, r.rate());
        }
        int rows = Math.max(14, top.size() + 4);
        bar(drawing, drawing.createAnchor(0, 0, 0, 0, 2, firstTop - 1, 7, firstTop - 1 + rows), "各单位公开率（%，基数不足 10 件的不列）",
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(firstTop, n - 1, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstTop, n - 1, 1, 1)));
        return Math.max(n, firstTop - 1 + rows) + 1;
    }

    /** How many agencies each of the other rankings lists in the sheet (all of them are in the JSON). */
    private static final int TOP_OTHER = 10;

    /** The first agencies of one ranking (予以公开率, 纠错率, 新收申请), with each one's base. Returns the next free row. */
    private static int top(XSSFSheet sheet, Analysis.Ranking k, CellStyle bold, int n) {
        boolean rate = !k.places().isEmpty() && k.places().get(0).rate().rate();
        header(sheet.createRow(n++), bold, "按" + k.label() + "排名（前 " + TOP_OTHER + " 名）", "名次",
                rate ? "基数（件）" : "", k.label() + (rate ? "（%）" : "（件）"), "", "文件", "说明");
        int place = 0;
        for (Analysis.Ranked r : k.places()) {
            if (place >= TOP_OTHER || r.rate().value() == null || r.rate().smallBase()) {
                break;
            }
            Row row = sheet.createRow(n++);
            text(row, 0, r.agency() == null ? "" : r.agency());
            text(row, 1, String.valueOf(++place));
            if (rate) {
                row.createCell(2).setCellValue(r.closed().doubleValue());
            }
            value(row, 3, r.rate());
            text(row, 5, r.file());
        }
        if (place == 0) {
            text(sheet.createRow(n++), 0, "没有基数达到 " + Indicators.SMALL_BASE + " 件的单位");
        }
        return n;
    }

    /** The figures followed year by year (the trend's table and its line charts). */
    private static final List<String> TREND = List.of("requests.new", "requests.closed", "requests.carried_out",
            "rate.disclosed", "rate.granted", "correction.all");

    /**
     * Each year's figures over all its reports, a column per year (earliest first), and two native line
     * charts drawn from the table: 新收申请 and 办结 by year, and 公开率 by year. Returns the next free row.
     */
    private static int trend(XSSFSheet sheet, Analysis a, CellStyle bold, int n) {
        sheet.setRowBreak(n - 1);
        List<Analysis.Year> years = a.trend();
        Row head = sheet.createRow(n++);
        text(head, 0, "各年度走势（每年全部报表）").setCellStyle(bold);
        for (int j = 0; j < years.size(); j++) {
            text(head, 1 + j, years.get(j).year()).setCellStyle(bold);
        }
        int headRow = n - 1;
        Map<String, Integer> rowOf = new HashMap<>();
        for (String id : TREND) {
            Indicator first = find(years.get(years.size() - 1).figures(), id);
            if (first == null) {
                continue;
            }
            Row row = sheet.createRow(n);
            rowOf.put(id, n++);
            text(row, 0, first.label() + (first.rate() ? "（%）" : "（件）"));
            for (int j = 0; j < years.size(); j++) {
                Indicator i = find(years.get(j).figures(), id);
                if (i != null) {
                    value(row, 1 + j, i);
                }
            }
        }
        Row count = sheet.createRow(n++);
        text(count, 0, "报表份数");
        for (int j = 0; j < years.size(); j++) {
            count.createCell(1 + j).setCellValue(years.get(j).reports());
        }
        int last = years.size();
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(headRow, headRow, 1, last));
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int top = n + 1;
        List<String[]> counts = new ArrayList<>();
        for (String id : List.of("requests.new", "requests.closed")) {
            if (rowOf.containsKey(id)) {
                counts.add(new String[] {id, String.valueOf(rowOf.get(id))});
            }
        }
        line(drawing, drawing.createAnchor(0, 0, 0, 0, 0, top, 4, top + 15), "新收申请与办结（件）", labels, sheet, counts, last);
        if (rowOf.containsKey("rate.disclosed")) {
            line(drawing, drawing.createAnchor(0, 0, 0, 0, 4, top, 8, top + 15), "公开率（%）", labels, sheet,
                    List.<String[]>of(new String[] {"rate.disclosed", String.valueOf(rowOf.get("rate.disclosed"))}), last);
        }
        return top + 16;
    }

    /** A line chart: one line per table row given ({id, row}), over the year columns 1..{@code last}. */
    private static void line(XSSFDrawing drawing, XSSFClientAnchor anchor, String title, XDDFDataSource<String> years,
                             XSSFSheet sheet, List<String[]> rows, int last) {
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setMinimum(0);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        PresetColor[] colors = {PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE};
        for (int k = 0; k < rows.size(); k++) {
            int r = Integer.parseInt(rows.get(k)[1]);
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(years,
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(r, r, 1, last)));
            series.setTitle(sheet.getRow(r).getCell(0).getStringCellValue(), null);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            series.setSmooth(false);
            // A line of its own colour: LibreOffice draws a series without one invisible.
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(colors[k % colors.length])));
            line.setWidth(2.0);
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setLineProperties(line);
            series.setShapeProperties(shape);
        }
        chart.plot(data);
    }

    /** A bar chart of one series, its bars across. */
    private static void bar(XSSFDrawing drawing, XSSFClientAnchor anchor, String title, XDDFDataSource<String> names,
                            XDDFNumericalDataSource<Double> values) {
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis names0 = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis values0 = chart.createValueAxis(AxisPosition.BOTTOM);
        values0.setCrosses(AxisCrosses.AUTO_ZERO);
        values0.setMinimum(0);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, names0, values0);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(names, values);
        series.setTitle(title, null);
        // A fill of its own: without one LibreOffice draws the bars invisible.
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
        chart.plot(data);
    }

    private static Indicator find(List<Indicator> list, String id) {
        return list.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
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

    /** A heading row: each title in bold. */
    private static void header(Row row, CellStyle bold, String... titles) {
        for (int c = 0; c < titles.length; c++) {
            text(row, c, titles[c]).setCellStyle(bold);
        }
    }

    private static Cell text(Row row, int col, String value) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        return c;
    }
}
