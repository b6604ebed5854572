package io.xxgk.schema;

import static io.xxgk.schema.FormItem.Role.BLOCK;
import static io.xxgk.schema.FormItem.Role.HEADER;
import static io.xxgk.schema.FormItem.Role.NOTE;
import static io.xxgk.schema.FormItem.Role.ROW;

import java.util.ArrayList;
import java.util.List;

/**
 * The 2021 layout (国办公开办函〔2021〕30号): 200 cells in tables 二, 三 and 四, their relations and
 * their printed form. Labels are the official ones, with full-width punctuation as published.
 *
 * <p>The printed form uses one grid of 15 columns (A–O) for all three tables: table 四 has one
 * number per column, table 三 keeps its labels in A (一/二/三/四), B ((一)…(七)) and C–H (1.…8.)
 * with its seven numbers in I–O, and table 二 has its labels in A–F and three numbers of three
 * columns each.
 */
final class Layout2021 {

    static final String ID = "2021";

    private Layout2021() {
    }

    // ---- table 二 ----------------------------------------------------------------------------

    private record ActiveItem(String key, String label) {
    }

    // ---- table 三 ----------------------------------------------------------------------------

    /** Applicant columns of table 三, in order. */
    static final List<String[]> REQUEST_COLUMNS = List.of(
            new String[] {"natural", "自然人"},
            new String[] {"business", "商业企业"},
            new String[] {"research", "科研机构"},
            new String[] {"nonprofit", "社会公益组织"},
            new String[] {"legal", "法律服务机构"},
            new String[] {"other", "其他"},
            new String[] {"total", "总计"});

    /** A row of table 三: key, then its labels from outermost to innermost. */
    private record RequestRow(String key, List<String> path) {
    }

    private static final String R3 = "三、本年度办理结果";
    private static final String G_DENIED = "（三）不予公开";
    private static final String G_UNABLE = "（四）无法提供";
    private static final String G_REJECTED = "（五）不予处理";
    private static final String G_OTHER = "（六）其他处理";

    static final List<RequestRow> REQUEST_ROWS = List.of(
            new RequestRow("new", List.of("一、本年新收政府信息公开申请数量")),
            new RequestRow("carried_in", List.of("二、上年结转政府信息公开申请数量")),
            new RequestRow("granted", List.of(R3, "（一）予以公开")),
            new RequestRow("partial", List.of(R3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
            new RequestRow("denied_secret", List.of(R3, G_DENIED, "1.属于国家秘密")),
            new RequestRow("denied_law", List.of(R3, G_DENIED, "2.其他法律行政法规禁止公开")),
            new RequestRow("denied_safety", List.of(R3, G_DENIED, "3.危及“三安全一稳定”")),
            new RequestRow("denied_third_party", List.of(R3, G_DENIED, "4.保护第三方合法权益")),
            new RequestRow("denied_internal", List.of(R3, G_DENIED, "5.属于三类内部事务信息")),
            new RequestRow("denied_process", List.of(R3, G_DENIED, "6.属于四类过程性信息")),
            new RequestRow("denied_enforcement", List.of(R3, G_DENIED, "7.属于行政执法案卷")),
            new RequestRow("denied_query", List.of(R3, G_DENIED, "8.属于行政查询事项")),
            new RequestRow("unable_not_held", List.of(R3, G_UNABLE, "1.本机关不掌握相关政府信息")),
            new RequestRow("unable_to_create", List.of(R3, G_UNABLE, "2.没有现成信息需要另行制作")),
            new RequestRow("unable_unclear", List.of(R3, G_UNABLE, "3.补正后申请内容仍不明确")),
            new RequestRow("rejected_petition", List.of(R3, G_REJECTED, "1.信访举报投诉类申请")),
            new RequestRow("rejected_repeat", List.of(R3, G_REJECTED, "2.重复申请")),
            new RequestRow("rejected_publication", List.of(R3, G_REJECTED, "3.要求提供公开出版物")),
            new RequestRow("rejected_excessive", List.of(R3, G_REJECTED, "4.无正当理由大量反复申请")),
            new RequestRow("rejected_confirm", List.of(R3, G_REJECTED, "5.要求行政机关确认或重新出具已获取信息")),
            new RequestRow("other_no_correction", List.of(R3, G_OTHER,
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
            new RequestRow("other_no_fee", List.of(R3, G_OTHER,
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
            new RequestRow("other_other", List.of(R3, G_OTHER, "3.其他")),
            new RequestRow("total", List.of(R3, "（七）总计")),
            new RequestRow("carried_out", List.of("四、结转下年度继续办理")));

    // ---- table 四 ----------------------------------------------------------------------------

    static final List<String[]> APPEAL_GROUPS = List.of(
            new String[] {"review", "行政复议"},
            new String[] {"suit_direct", "未经复议直接起诉"},
            new String[] {"suit_after_review", "复议后起诉"});

    static final List<String[]> APPEAL_COLUMNS = List.of(
            new String[] {"upheld", "结果维持"},
            new String[] {"corrected", "结果纠正"},
            new String[] {"other", "其他结果"},
            new String[] {"pending", "尚未审结"},
            new String[] {"total", "总计"});

    static Layout build() {
        List<CellDef> cells = new ArrayList<>();
        List<SumDef> relations = new ArrayList<>();
        List<TableForm> forms = new ArrayList<>();
        forms.add(activeTable(cells));
        forms.add(requestTable(cells, relations));
        forms.add(appealTable(cells, relations));
        // A: 一/二/三/四, B: (一)…(七), C–H: 1.…8., I–O: the seven numbers of table 三.
        // G+H is as wide as one number column, so table 二's three numbers (G–I, J–L, M–O) are
        // equally wide.
        List<Double> widths = List.of(7.0, 11.0, 6.25, 6.25, 6.25, 6.25, 4.25, 4.25,
                8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5);
        List<CarryDef> carries = REQUEST_COLUMNS.stream()
                .map(c -> new CarryDef("Y-CARRY", "requests.carried_in." + c[0], "requests.carried_out." + c[0]))
                .toList();
        List<StockDef> stocks = List.of(
                new StockDef("Y-STOCK", "active.regulation.in_force", "active.regulation.issued", "active.regulation.repealed"),
                new StockDef("Y-STOCK", "active.normative.in_force", "active.normative.issued", "active.normative.repealed"));
        return new Layout(ID, "国办公开办函〔2021〕30号", cells, relations, forms, widths).withCrossYear(carries, stocks);
    }

    private static TableForm activeTable(List<CellDef> cells) {
        FormBuilder f = new FormBuilder();
        int r = 0;
        r = activeBlock(f, cells, r, "第二十条第（一）项",
                List.of("本年制发件数", "本年废止件数", "现行有效件数"),
                List.of("issued", "repealed", "in_force"),
                List.of(new ActiveItem("regulation", "规章"), new ActiveItem("normative", "行政规范性文件")),
                ValueType.COUNT);
        r = activeBlock(f, cells, r, "第二十条第（五）项", List.of("本年处理决定数量"), List.of(""),
                List.of(new ActiveItem("license", "行政许可")), ValueType.COUNT);
        r = activeBlock(f, cells, r, "第二十条第（六）项", List.of("本年处理决定数量"), List.of(""),
                List.of(new ActiveItem("penalty", "行政处罚"), new ActiveItem("coercion", "行政强制")),
                ValueType.COUNT);
        activeBlock(f, cells, r, "第二十条第（八）项", List.of("本年收费金额（单位：万元）"), List.of(""),
                List.of(new ActiveItem("fees", "行政事业性收费")), ValueType.AMOUNT);
        return f.build("二", "二、主动公开政府信息情况", 0);
    }

    /** One 第二十条 block of table 二: block title, header row, data rows. Returns the next row. */
    private static int activeBlock(FormBuilder f, List<CellDef> cells, int row, String block,
                                   List<String> colLabels, List<String> colKeys, List<ActiveItem> items,
                                   ValueType type) {
        f.label(row, 0, 14, block, BLOCK);
        f.label(row + 1, 0, 5, "信息内容", HEADER);
        int width = 9 / colLabels.size();
        for (int c = 0; c < colLabels.size(); c++) {
            f.label(row + 1, 6 + c * width, 6 + (c + 1) * width - 1, colLabels.get(c), HEADER);
        }
        int r = row + 2;
        for (ActiveItem item : items) {
            f.label(r, 0, 5, item.label(), ROW);
            for (int c = 0; c < colKeys.size(); c++) {
                String colKey = colKeys.get(c);
                String key = "active." + item.key() + (colKey.isEmpty() ? "" : "." + colKey);
                cells.add(new CellDef(key, "二", item.key(), colKey, List.of(item.label()),
                        List.of(block, colLabels.get(c)), type));
                f.slot(r, 6 + c * width, 6 + (c + 1) * width - 1, key);
            }
            r++;
        }
        return r;
    }

    private static TableForm requestTable(List<CellDef> cells, List<SumDef> relations) {
        FormBuilder f = new FormBuilder();
        f.label(0, 0, 2, 7, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", NOTE);
        f.label(0, 8, 0, 14, "申请人情况", HEADER);
        f.label(1, 8, 2, 8, "自然人", HEADER);
        f.label(1, 9, 1, 13, "法人或其他组织", HEADER);
        f.label(1, 14, 2, 14, "总计", HEADER);
        for (int c = 1; c <= 5; c++) {
            f.label(2, 8 + c, 2, 8 + c, REQUEST_COLUMNS.get(c)[1], HEADER);
        }
        int first = 3;
        for (int i = 0; i < REQUEST_ROWS.size(); i++) {
            RequestRow row = REQUEST_ROWS.get(i);
            int r = first + i;
            for (int c = 0; c < REQUEST_COLUMNS.size(); c++) {
                String[] col = REQUEST_COLUMNS.get(c);
                String key = "requests." + row.key() + "." + col[0];
                cells.add(new CellDef(key, "三", row.key(), col[0], row.path(), colPath(c), ValueType.COUNT));
                f.slot(r, 8 + c, 8 + c, key);
            }
        }
        requestRowLabels(f, first);
        requestRelations(relations);
        return f.build("三", "三、收到和处理政府信息公开申请情况", 3);
    }

    private static List<String> colPath(int c) {
        String label = REQUEST_COLUMNS.get(c)[1];
        if (c == 0 || c == REQUEST_COLUMNS.size() - 1) {
            return List.of("申请人情况", label);
        }
        return List.of("申请人情况", "法人或其他组织", label);
    }

    /** Draws the three label columns of table 三, merging each group label over its rows. */
    private static void requestRowLabels(FormBuilder f, int first) {
        int last = first + REQUEST_ROWS.size() - 1;
        int resultFirst = -1;
        int resultLast = -1;
        int i = 0;
        while (i < REQUEST_ROWS.size()) {
            List<String> path = REQUEST_ROWS.get(i).path();
            int r = first + i;
            if (path.size() == 1) {
                f.label(r, 0, r, 7, path.get(0), ROW);
                i++;
                continue;
            }
            if (resultFirst < 0) {
                resultFirst = r;
            }
            resultLast = r;
            if (path.size() == 2) {
                f.label(r, 1, r, 7, path.get(1), ROW);
                i++;
                continue;
            }
            int j = i;
            while (j < REQUEST_ROWS.size() && REQUEST_ROWS.get(j).path().size() == 3
                    && REQUEST_ROWS.get(j).path().get(1).equals(path.get(1))) {
                f.label(first + j, 2, first + j, 7, REQUEST_ROWS.get(j).path().get(2), ROW);
                j++;
            }
            f.label(r, 1, first + j - 1, 1, path.get(1), ROW);
            resultLast = first + j - 1;
            i = j;
        }
        f.label(resultFirst, 0, resultLast, 0, R3, ROW);
        if (last < resultLast) {
            throw new IllegalStateException("table 三 rows out of order");
        }
    }

    private static void requestRelations(List<SumDef> relations) {
        List<String> applicantCols = REQUEST_COLUMNS.stream().map(c -> c[0]).filter(c -> !c.equals("total")).toList();
        for (RequestRow row : REQUEST_ROWS) {
            List<String> parts = applicantCols.stream().map(c -> "requests." + row.key() + "." + c).toList();
            relations.add(SumDef.total("T3-ROW", row.key(), "requests." + row.key() + ".total", parts));
        }
        List<String> resultRows = REQUEST_ROWS.stream().map(RequestRow::key)
                .filter(k -> !List.of("new", "carried_in", "total", "carried_out").contains(k)).toList();
        for (String[] col : REQUEST_COLUMNS) {
            List<String> parts = resultRows.stream().map(r -> "requests." + r + "." + col[0]).toList();
            relations.add(SumDef.total("T3-COL", col[0], "requests.total." + col[0], parts));
        }
        for (String[] col : REQUEST_COLUMNS) {
            String c = col[0];
            relations.add(new SumDef("T3-BAL", c,
                    List.of("requests.new." + c, "requests.carried_in." + c),
                    List.of("requests.total." + c, "requests.carried_out." + c),
                    "requests.carried_out." + c));
        }
    }

    private static TableForm appealTable(List<CellDef> cells, List<SumDef> relations) {
        FormBuilder f = new FormBuilder();
        f.label(0, 0, 0, 4, "行政复议", HEADER);
        f.label(0, 5, 0, 14, "行政诉讼", HEADER);
        f.label(1, 5, 1, 9, "未经复议直接起诉", HEADER);
        f.label(1, 10, 1, 14, "复议后起诉", HEADER);
        int col = 0;
        for (String[] group : APPEAL_GROUPS) {
            List<String> groupPath = group[0].equals("review") ? List.of("行政复议")
                    : List.of("行政诉讼", group[1]);
            List<String> parts = new ArrayList<>();
            for (String[] c : APPEAL_COLUMNS) {
                String key = "appeals." + group[0] + "." + c[0];
                List<String> path = new ArrayList<>(groupPath);
                path.add(c[1]);
                cells.add(new CellDef(key, "四", group[0], c[0], groupPath, path, ValueType.COUNT));
                if (group[0].equals("review")) {
                    f.label(1, col, 2, col, c[1], HEADER);
                } else {
                    f.label(2, col, 2, col, c[1], HEADER);
                }
                f.slot(3, col, col, key);
                if (!c[0].equals("total")) {
                    parts.add(key);
                }
                col++;
            }
            relations.add(SumDef.total("T4-SUM", group[0], "appeals." + group[0] + ".total", parts));
        }
        return f.build("四", "四、政府信息公开行政复议、行政诉讼情况", 3);
    }
}
