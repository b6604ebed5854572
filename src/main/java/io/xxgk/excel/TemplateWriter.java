package io.xxgk.excel;

import io.xxgk.ingest.excel.OutputMark;

import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.AtomicFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the report workbook of a layout: 填报说明, 基本信息 and 统计表, blank or filled with values.
 * Every formula gets its cached value, so a reader that does not recalculate still sees right
 * totals.
 */
public final class TemplateWriter {

    private final Layout layout;
    private final Map<String, BigDecimal> lastYear;

    public TemplateWriter(Layout layout) {
        this(layout, Map.of());
    }

    private TemplateWriter(Layout layout, Map<String, BigDecimal> lastYear) {
        this.layout = layout;
        this.lastYear = lastYear;
    }

    /**
     * A writer that shows last year's stocks (现行有效) beside table 二, with a live check that this
     * year's figures roll them forward.
     */
    public TemplateWriter withLastYear(Map<String, BigDecimal> values) {
        return new TemplateWriter(layout, Map.copyOf(values));
    }

    /** Builds the workbook in memory; {@code values} maps cell keys to numbers (may be empty). */
    public XSSFWorkbook build(Identity identity, Map<String, BigDecimal> values) {
        return build(identity, values, SheetNames.TABLES, true, "");
    }

    /**
     * Builds a summary's workbook: the tables on sheet {@code tablesSheet} (first), 基本信息, no
     * 填报说明, and {@code titleSuffix} after the title (e.g. "（汇总 12 个单位）").
     */
    public XSSFWorkbook buildSummary(Identity identity, Map<String, BigDecimal> values, String tablesSheet,
                                     String titleSuffix) {
        return buildSummary(new XSSFWorkbook(), identity, values, tablesSheet, titleSuffix);
    }

    /** As {@link #buildSummary(Identity, Map, String, String)}, into a new workbook the caller made. */
    public XSSFWorkbook buildSummary(XSSFWorkbook into, Identity identity, Map<String, BigDecimal> values,
                                     String tablesSheet, String titleSuffix) {
        return build(into, identity, values, tablesSheet, false, titleSuffix);
    }

    private XSSFWorkbook build(Identity identity, Map<String, BigDecimal> values, String tablesName,
                               boolean withGuide, String titleSuffix) {
        return build(new XSSFWorkbook(), identity, values, tablesName, withGuide, titleSuffix);
    }

    private XSSFWorkbook build(XSSFWorkbook wb, Identity identity, Map<String, BigDecimal> values, String tablesName,
                               boolean withGuide, String titleSuffix) {
        Styles styles = new Styles(wb);
        XSSFSheet guide = withGuide ? wb.createSheet(SheetNames.GUIDE) : null;
        XSSFSheet tables = withGuide ? null : wb.createSheet(tablesName);
        XSSFSheet info = wb.createSheet(SheetNames.INFO);
        if (withGuide) {
            tables = wb.createSheet(tablesName);
            GuideSheetWriter.write(guide, styles);
        }
        InfoSheetWriter.write(wb, info, styles, identity);
        StatsSheetWriter stats = new StatsSheetWriter(wb, styles, layout, lastYear);
        stats.write(tables, title(identity) + titleSuffix, values);
        tables.enableLocking();
        tables.lockSelectLockedCells(false);
        tables.lockSelectUnlockedCells(false);
        tables.lockFormatColumns(false);
        tables.lockFormatRows(false);
        wb.setActiveSheet(wb.getSheetIndex(guide == null || identity.get(IdentityField.NAME).isPresent() ? tables : guide));
        wb.setSelectedTab(wb.getActiveSheetIndex());
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        OutputMark.set(wb, withGuide ? OutputMark.Kind.TEMPLATE : OutputMark.Kind.SUMMARY);
        return wb;
    }

    /** Writes the workbook to {@code target} through a temporary file. */
    public void write(Identity identity, Map<String, BigDecimal> values, Path target, boolean replace)
            throws IOException {
        write(identity, values, target, replace, OutputMark.Kind.TEMPLATE);
    }

    /** As {@link #write(Identity, Map, Path, boolean)}, marked as {@code kind} (a report imported from a published one). */
    public void write(Identity identity, Map<String, BigDecimal> values, Path target, boolean replace,
                      OutputMark.Kind kind) throws IOException {
        try (XSSFWorkbook wb = build(identity, values)) {
            OutputMark.set(wb, kind);
            AtomicFiles.write(target, replace, wb::write);
        }
    }

    private String title(Identity identity) {
        StringBuilder sb = new StringBuilder();
        identity.get(IdentityField.NAME).ifPresent(sb::append);
        identity.get(IdentityField.YEAR).ifPresent(y -> sb.append(y).append("年"));
        sb.append("政府信息公开工作年度报告统计表");
        return sb.toString();
    }

    public Layout layout() {
        return layout;
    }
}
