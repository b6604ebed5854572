package io.xxgk.excel;

import io.xxgk.schema.CarryDef;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.FormItem;
import io.xxgk.schema.Layout;
import io.xxgk.schema.StockDef;
import io.xxgk.schema.SumDef;
import io.xxgk.schema.TableForm;
import io.xxgk.schema.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * What the sheet itself checks while a clerk types: data validation on every input cell,
 * conditional formatting that turns a cell red when it breaks a rule the sheet can evaluate, and a
 * live check beside each table (outside the print area).
 */
final class SheetRules {

    static final byte[] RED_FILL = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
    static final byte[] RED_FONT = {(byte) 0x9C, 0x00, 0x06};

    private final XSSFSheet sheet;
    private final Styles styles;
    private final Layout layout;
    private final Map<String, int[]> positions;

    private final Map<String, BigDecimal> lastYear;

    SheetRules(XSSFSheet sheet, Styles styles, Layout layout, Map<String, int[]> positions,
               Map<String, BigDecimal> lastYear) {
        this.sheet = sheet;
        this.styles = styles;
        this.layout = layout;
        this.positions = positions;
        this.lastYear = lastYear;
    }

    void apply(List<int[]> tableRows) {
        for (ValueType type : ValueType.values()) {
            dataValidation(type);
        }
        for (int i = 0; i < layout.forms().size(); i++) {
            TableForm form = layout.forms().get(i);
            List<String> keys = form.slots().stream().map(FormItem.Slot::key).toList();
            numberRules(keys);
            relationRules(form.table());
            liveCheck(form, keys, tableRows.get(i)[0]);
        }
    }

    // ---- data validation ---------------------------------------------------------------------

    private void dataValidation(ValueType type) {
        CellRangeAddressList cells = new CellRangeAddressList();
        for (CellDef def : layout.cells()) {
            if (def.type() == type && !layout.isFormula(def.key())) {
                int[] p = positions.get(def.key());
                cells.addCellRangeAddress(p[0], p[1], p[0], p[1]);
            }
        }
        if (cells.countRanges() == 0) {
            return;
        }
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        DataValidationConstraint constraint = switch (type) {
            case COUNT -> helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
            case SIGNED -> helper.createIntegerConstraint(OperatorType.BETWEEN, "-999999999", "999999999");
            case AMOUNT -> helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
        };
        DataValidation dv = helper.createValidation(constraint, cells);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.setEmptyCellAllowed(true);
        dv.setShowErrorBox(true);
        switch (type) {
            case COUNT -> dv.createErrorBox("数值不正确", "此处应填写非负整数（件数），不能填写小数、负数或文字。没有发生请填 0。");
            case SIGNED -> dv.createErrorBox("数值不正确", "此处应填写整数：增加填正数，减少填负数（如减少 4 项填 -4），没有变化填 0。");
            case AMOUNT -> dv.createErrorBox("数值不正确", "此处应填写非负数的金额，单位为万元（可带小数）。没有收费请填 0。");
        }
        sheet.addValidationData(dv);
    }

    // ---- conditional formatting ----------------------------------------------------------------

    /** Red when a cell holds text, a negative number, or (for counts) a fraction. */
    private void numberRules(List<String> keys) {
        for (ValueType type : ValueType.values()) {
            List<CellRangeAddress> regions = new ArrayList<>();
            for (String key : keys) {
                if (layout.cell(key).orElseThrow().type() == type) {
                    int[] p = positions.get(key);
                    regions.add(new CellRangeAddress(p[0], p[0], p[1], p[1]));
                }
            }
            if (regions.isEmpty()) {
                continue;
            }
            String ref = Refs.a1(regions.get(0).getFirstRow(), regions.get(0).getFirstColumn());
            String bad = switch (type) {
                case COUNT -> "OR(" + ref + "<0," + ref + "<>INT(" + ref + "))";
                case SIGNED -> ref + "<>INT(" + ref + ")";
                case AMOUNT -> ref + "<0";
            };
            red("IF(ISNUMBER(" + ref + ")," + bad + ",LEN(" + ref + ")>0)", regions);
        }
    }

    /** Red when a relation of the layout fails: on the total it defines, or on its anchor cell. */
    private void relationRules(String table) {
        for (SumDef rel : layout.relations()) {
            if (!layout.cell(rel.anchor()).orElseThrow().table().equals(table)) {
                continue;
            }
            int[] p = positions.get(rel.anchor());
            String condition = Refs.sum(abs(rel.left()), true) + "<>" + Refs.sum(abs(rel.right()), true);
            red(condition, List.of(new CellRangeAddress(p[0], p[0], p[1], p[1])));
        }
    }

    private List<int[]> abs(List<String> keys) {
        return keys.stream().map(positions::get).toList();
    }

    private void red(String formula, List<CellRangeAddress> regions) {
        SheetConditionalFormatting scf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = scf.createConditionalFormattingRule(formula);
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(new XSSFColor(RED_FILL, null));
        fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        FontFormatting font = rule.createFontFormatting();
        font.setFontColor(new XSSFColor(RED_FONT, null));
        scf.addConditionalFormatting(regions.toArray(new CellRangeAddress[0]), rule);
    }

    // ---- live check beside the table -------------------------------------------------------

    private record CheckRow(String label, String left, String right) {
    }

    private void liveCheck(TableForm form, List<String> keys, int top) {
        List<CheckRow> rows = new ArrayList<>();
        for (SumDef rel : layout.relations()) {
            boolean inTable = layout.cell(rel.anchor()).orElseThrow().table().equals(form.table());
            boolean byFormula = rel.equals(layout.formulas().get(rel.anchor()));
            if (inTable && !byFormula) {
                rows.add(new CheckRow(caption(rel), Refs.sum(abs(rel.left()), false),
                        Refs.sum(abs(rel.right()), false)));
            }
        }
        for (StockDef st : layout.stocks()) {
            BigDecimal last = lastYear.get(st.inForce());
            if (last != null && keys.contains(st.inForce())) {
                String label = layout.cell(st.inForce()).orElseThrow().rowLabel() + "：现行有效 = 上年 "
                        + last.toPlainString() + " + 本年制发 − 本年废止";
                rows.add(new CheckRow(label, Refs.sum(abs(List.of(st.inForce())), false),
                        last.toPlainString() + "+" + Refs.a1(positions.get(st.issued())[0], positions.get(st.issued())[1])
                                + "-" + Refs.a1(positions.get(st.repealed())[0], positions.get(st.repealed())[1])));
            }
        }
        rows.add(new CheckRow("非数字或负数的单元格（个）", badCells(keys), "0"));
        int c = StatsSheetWriter.CHECK_COL;
        String[] head = {"本表实时核对（不打印）", "左边", "右边", "差额", "结论"};
        for (int i = 0; i < head.length; i++) {
            StatsSheetWriter.cell(sheet, top, c + i, head[i], Styles.Kind.CHECK_HEADER, styles);
        }
        String pending = pending(keys);
        int r = top + 1;
        for (CheckRow row : rows) {
            StatsSheetWriter.cell(sheet, r, c, row.label(), Styles.Kind.CHECK_TEXT, styles);
            StatsSheetWriter.cell(sheet, r, c + 1, null, Styles.Kind.CHECK_NUMBER, styles).setCellFormula(row.left());
            StatsSheetWriter.cell(sheet, r, c + 2, null, Styles.Kind.CHECK_NUMBER, styles).setCellFormula(row.right());
            String diff = Refs.a1(r, c + 1) + "-" + Refs.a1(r, c + 2);
            StatsSheetWriter.cell(sheet, r, c + 3, null, Styles.Kind.CHECK_NUMBER, styles).setCellFormula(diff);
            String verdict = "IF(" + Refs.a1(r, c + 3) + "=0,\"✓ 相符\",\"✗ 不符，差 \"&" + Refs.a1(r, c + 3) + ")";
            if (pending != null) {
                verdict = "IF(" + pending + ",\"待填写\"," + verdict + ")";
            }
            StatsSheetWriter.cell(sheet, r, c + 4, null, Styles.Kind.CHECK_TEXT, styles).setCellFormula(verdict);
            // The difference column fixed ($): for the 结论 cell too the rule looks at the difference, not at its text.
            String differs = "$" + Refs.a1(r, c + 3) + "<>0";
            red(pending == null ? differs : "AND(NOT(" + pending + ")," + differs + ")",
                    List.of(new CellRangeAddress(r, r, c + 3, c + 4)));
            r++;
        }
    }

    /**
     * With last year's numbers carried in: true while none of this year's own cells of the table is
     * filled (the carried-in numbers alone unbalance it: "待填写", not an error); null without them.
     */
    private String pending(List<String> keys) {
        if (lastYear.isEmpty()) {
            return null;
        }
        Set<String> carried = layout.carries().stream().map(CarryDef::thisYear)
                .collect(Collectors.toSet());
        List<String> own = keys.stream().filter(k -> !carried.contains(k) && !layout.formulas().containsKey(k)).toList();
        return own.isEmpty() ? null : "COUNT(" + String.join(",", columnRuns(own)) + ")=0";
    }

    /** A caption such as {@code 自然人：一+二 = （七）+四} built from the official labels. */
    private String caption(SumDef rel) {
        CellDef anchor = layout.cell(rel.anchor()).orElseThrow();
        String side = rel.right().size() > 3 ? anchor.rowLabel().replace("\n", "") + " = 各项之和"
                : shortLabels(rel.left()) + " = " + shortLabels(rel.right());
        return anchor.colLabel() + "：" + side;
    }

    private String shortLabels(List<String> keys) {
        return keys.stream().map(k -> shortLabel(layout.cell(k).orElseThrow().rowLabel()))
                .collect(Collectors.joining("+"));
    }

    /** {@code 一、本年新收…} → {@code 一}; {@code （七）总计} → {@code （七）}. */
    static String shortLabel(String label) {
        int comma = label.indexOf('、');
        if (comma > 0 && comma <= 2) {
            return label.substring(0, comma);
        }
        int close = label.indexOf('）');
        if (label.startsWith("（") && close > 0) {
            return label.substring(0, close + 1);
        }
        return label;
    }

    /** Count of cells holding text or a negative number, over the table's value cells. */
    private String badCells(List<String> keys) {
        List<String> ranges = columnRuns(keys);
        String list = String.join(",", ranges);
        String negatives = ranges.stream().map(r -> "COUNTIF(" + r + ",\"<0\")").collect(Collectors.joining("+"));
        return "COUNTA(" + list + ")-COUNT(" + list + ")+" + negatives;
    }

    /** The value cells as ranges: per column, runs of consecutive rows. */
    private List<String> columnRuns(List<String> keys) {
        Map<Integer, List<Integer>> byCol = new TreeMap<>();
        for (String k : keys) {
            int[] p = positions.get(k);
            byCol.computeIfAbsent(p[1], x -> new ArrayList<>()).add(p[0]);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byCol.entrySet()) {
            List<Integer> rows = e.getValue().stream().sorted().toList();
            int start = rows.get(0);
            int prev = start;
            for (int i = 1; i <= rows.size(); i++) {
                if (i == rows.size() || rows.get(i) != prev + 1) {
                    String a = Refs.a1(start, e.getKey());
                    out.add(start == prev ? a : a + ":" + Refs.a1(prev, e.getKey()));
                    if (i < rows.size()) {
                        start = rows.get(i);
                    }
                }
                if (i < rows.size()) {
                    prev = rows.get(i);
                }
            }
        }
        return out;
    }
}
