package io.xxgk.ingest;

import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a workbook the way a clerk builds one by hand after the published tables: no defined
 * names, tables anywhere, labels typed with their quirks. Independent of our template writer.
 */
public final class HandMade {

    /** Options for how the clerk typed it. */
    public record Style(int firstRow, int firstCol, UnaryOperator<String> label, boolean numbersAsText,
                        boolean tableFourOnOwnSheet, boolean merges) {
        public static Style plain() {
            return new Style(2, 0, s -> s, false, false, true);
        }
    }

    private HandMade() {
    }

    public static XSSFWorkbook build(Layout layout, Map<String, BigDecimal> values, Style style) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("Sheet1");
        set(sheet, 0, 0, "测试局2023年政府信息公开工作年度报告");
        int r = style.firstRow();
        int c0 = style.firstCol();
        // ---- table 二: 4 columns
        set(sheet, r++, c0, "二、主动公开政府信息情况");
        String[][] blocks = {
            {"第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
            {"第二十条第（五）项", "信息内容", "本年处理决定数量"},
            {"第二十条第（六）项", "信息内容", "本年处理决定数量"},
            {"第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）"}};
        String[][] rows = {{"regulation:规章", "normative:行政规范性文件"}, {"license:行政许可"},
            {"penalty:行政处罚", "coercion:行政强制"}, {"fees:行政事业性收费"}};
        String[] cols = {"issued", "repealed", "in_force"};
        for (int b = 0; b < blocks.length; b++) {
            set(sheet, r, c0, style.label().apply(blocks[b][0]));
            merge(sheet, style, r, r, c0, c0 + 3);
            r++;
            for (int i = 1; i < blocks[b].length; i++) {
                set(sheet, r, c0 + i - 1, style.label().apply(blocks[b][i]));
            }
            if (blocks[b].length == 3) {
                merge(sheet, style, r, r, c0 + 1, c0 + 3);
            }
            r++;
            for (String item : rows[b]) {
                String[] kv = item.split(":");
                set(sheet, r, c0, style.label().apply(kv[1]));
                if (blocks[b].length == 5) {
                    for (int i = 0; i < 3; i++) {
                        value(sheet, r, c0 + 1 + i, values.get("active." + kv[0] + "." + cols[i]), style);
                    }
                } else {
                    value(sheet, r, c0 + 1, values.get("active." + kv[0]), style);
                    merge(sheet, style, r, r, c0 + 1, c0 + 3);
                }
                r++;
            }
        }
        r += 2;
        // ---- table 三: labels in three columns, numbers in seven
        set(sheet, r++, c0, "三、收到和处理政府信息公开申请情况");
        set(sheet, r, c0, style.label().apply("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
        merge(sheet, style, r, r + 2, c0, c0 + 2);
        set(sheet, r, c0 + 3, "申请人情况");
        merge(sheet, style, r, r, c0 + 3, c0 + 9);
        set(sheet, r + 1, c0 + 3, style.label().apply("自然人"));
        merge(sheet, style, r + 1, r + 2, c0 + 3, c0 + 3);
        set(sheet, r + 1, c0 + 4, "法人或其他组织");
        merge(sheet, style, r + 1, r + 1, c0 + 4, c0 + 8);
        set(sheet, r + 1, c0 + 9, "总计");
        merge(sheet, style, r + 1, r + 2, c0 + 9, c0 + 9);
        String[] orgs = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
        for (int i = 0; i < orgs.length; i++) {
            set(sheet, r + 2, c0 + 4 + i, style.label().apply(orgs[i]));
        }
        r += 3;
        List<String> applicants = List.of("natural", "business", "research", "nonprofit", "legal", "other", "total");
        String lastGroup = null;
        for (CellDef def : layout.cells()) {
            if (!def.table().equals("三") || !def.colKey().equals("natural")) {
                continue;
            }
            List<String> path = def.rowPath();
            int labelCol = c0 + Math.min(path.size() - 1, 2);
            set(sheet, r, labelCol, style.label().apply(path.get(path.size() - 1)));
            if (path.size() == 3 && !path.get(1).equals(lastGroup)) {
                set(sheet, r, c0 + 1, style.label().apply(path.get(1)));
            }
            lastGroup = path.size() == 3 ? path.get(1) : null;
            for (int i = 0; i < applicants.size(); i++) {
                value(sheet, r, c0 + 3 + i, values.get("requests." + def.rowKey() + "." + applicants.get(i)), style);
            }
            r++;
        }
        r += 2;
        // ---- table 四
        Sheet four = style.tableFourOnOwnSheet() ? wb.createSheet("表四") : sheet;
        if (style.tableFourOnOwnSheet()) {
            r = 1;
        }
        set(four, r++, c0, "四、政府信息公开行政复议、行政诉讼情况");
        set(four, r, c0, "行政复议");
        merge(four, style, r, r, c0, c0 + 4);
        set(four, r, c0 + 5, "行政诉讼");
        merge(four, style, r, r, c0 + 5, c0 + 14);
        set(four, r + 1, c0 + 5, "未经复议直接起诉");
        merge(four, style, r + 1, r + 1, c0 + 5, c0 + 9);
        set(four, r + 1, c0 + 10, "复议后起诉");
        merge(four, style, r + 1, r + 1, c0 + 10, c0 + 14);
        String[] heads = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
        String[] groups = {"review", "suit_direct", "suit_after_review"};
        String[] keys = {"upheld", "corrected", "other", "pending", "total"};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < 5; i++) {
                int col = c0 + g * 5 + i;
                set(four, g == 0 ? r + 1 : r + 2, col, style.label().apply(heads[i]));
                if (g == 0) {
                    merge(four, style, r + 1, r + 2, col, col);
                }
                value(four, r + 3, col, values.get("appeals." + groups[g] + "." + keys[i]), style);
            }
        }
        return wb;
    }

    private static void set(Sheet sheet, int r, int c, String text) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        row.createCell(c).setCellValue(text);
    }

    private static void value(Sheet sheet, int r, int c, BigDecimal v, Style style) {
        if (v == null) {
            return;
        }
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        if (style.numbersAsText()) {
            row.createCell(c).setCellValue(v.toPlainString());
        } else {
            row.createCell(c).setCellValue(v.doubleValue());
        }
    }

    private static void merge(Sheet sheet, Style style, int r1, int r2, int c1, int c2) {
        if (style.merges() && (r1 != r2 || c1 != c2)) {
            sheet.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
        }
    }
}
