package io.xxgk.schema;

import static io.xxgk.schema.FormItem.Role.BLOCK;
import static io.xxgk.schema.FormItem.Role.HEADER;
import static io.xxgk.schema.FormItem.Role.NOTE;
import static io.xxgk.schema.FormItem.Role.ROW;

import java.util.ArrayList;
import java.util.List;

/**
 * What the official layouts share, as builders for their definitions: the column grid, the blocks
 * of table 二, table 三 from a list of rows, and table 四. A layout definition lists its own rows and
 * labels and calls these.
 *
 * <p>The printed form uses one grid of 15 columns (A–O) for all three tables: table 四 has one
 * number per column, table 三 keeps its labels in A (一/二/三/四), B ((一)…(七)) and C–H (1.…8.)
 * with its seven numbers in I–O, and table 二 has its labels in A–F and its numbers in G–O.
 */
final class OfficialTables {

    private OfficialTables() {
    }

    /**
     * Column widths: every column holds four characters of a bold header on one line, as table 四 has a
     * header per column (结果维持, 其他结果…); B a little wider for （三）不予公开 over two lines. Table 二's
     * three numbers (G–I, J–L, M–O) are equally wide.
     */
    static final List<Double> WIDTHS = List.of(8.0, 9.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0,
            8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0);

    static final String R3 = "三、本年度办理结果";
    static final String G_DENIED = "（三）不予公开";
    static final String G_UNABLE = "（四）无法提供";
    static final String G_REJECTED = "（五）不予处理";
    static final String G_OTHER = "（六）其他处理";

    /** A row of table 二: its key and label. */
    record ActiveItem(String key, String label) {
    }

    /** A column of a block of table 二: key suffix (empty for a single column), label, type. */
    record ActiveColumn(String key, String label, ValueType type) {
    }

    /** One 第二十条 block of table 二: block title, header row, data rows. Returns the next row. */
    static int activeBlock(FormBuilder f, List<CellDef> cells, int row, String block,
                           List<ActiveColumn> columns, List<ActiveItem> items) {
        f.label(row, 0, 14, block, BLOCK);
        f.label(row + 1, 0, 5, "信息内容", HEADER);
        int width = 9 / columns.size();
        for (int c = 0; c < columns.size(); c++) {
            f.label(row + 1, 6 + c * width, lastCol(c, columns.size(), width), columns.get(c).label(), HEADER);
        }
        int r = row + 2;
        for (ActiveItem item : items) {
            f.label(r, 0, 5, item.label(), ROW);
            for (int c = 0; c < columns.size(); c++) {
                ActiveColumn col = columns.get(c);
                String key = "active." + item.key() + (col.key().isEmpty() ? "" : "." + col.key());
                cells.add(new CellDef(key, "二", item.key(), col.key(), List.of(item.label()),
                        List.of(block, col.label()), col.type()));
                f.slot(r, 6 + c * width, lastCol(c, columns.size(), width), key);
            }
            r++;
        }
        return r;
    }

    /** The last grid column of column {@code c}; the last one takes what division leaves over. */
    private static int lastCol(int c, int count, int width) {
        return c == count - 1 ? 14 : 6 + (c + 1) * width - 1;
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
    record RequestRow(String key, List<String> path) {
    }

    /**
     * The rows of table 三: those both layouts share, with the layout's own rows of (六)其他处理
     * (one in 2019, three in 2021) before (七)总计.
     */
    static List<RequestRow> requestRows(List<RequestRow> otherHandling) {
        List<RequestRow> rows = new ArrayList<>(List.of(
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
                new RequestRow("rejected_confirm", List.of(R3, G_REJECTED, "5.要求行政机关确认或重新出具已获取信息"))));
        rows.addAll(otherHandling);
        rows.add(new RequestRow("total", List.of(R3, "（七）总计")));
        rows.add(new RequestRow("carried_out", List.of("四、结转下年度继续办理")));
        return List.copyOf(rows);
    }

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

    /** Y-CARRY: this year's 二、上年结转 of each column is last year's 四、结转下年度继续办理. */
    static List<CarryDef> carries() {
        return REQUEST_COLUMNS.stream()
                .map(c -> new CarryDef("Y-CARRY", "requests.carried_in." + c[0], "requests.carried_out." + c[0]))
                .toList();
    }

    // ---- builders ----------------------------------------------------------------------------

    static TableForm requestTable(List<CellDef> cells, List<SumDef> relations, List<RequestRow> rows) {
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
        for (int i = 0; i < rows.size(); i++) {
            RequestRow row = rows.get(i);
            int r = first + i;
            for (int c = 0; c < REQUEST_COLUMNS.size(); c++) {
                String[] col = REQUEST_COLUMNS.get(c);
                String key = "requests." + row.key() + "." + col[0];
                cells.add(new CellDef(key, "三", row.key(), col[0], row.path(), colPath(c), ValueType.COUNT));
                f.slot(r, 8 + c, 8 + c, key);
            }
        }
        requestRowLabels(f, first, rows);
        requestRelations(relations, rows);
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
    private static void requestRowLabels(FormBuilder f, int first, List<RequestRow> rows) {
        int last = first + rows.size() - 1;
        int resultFirst = -1;
        int resultLast = -1;
        int i = 0;
        while (i < rows.size()) {
            List<String> path = rows.get(i).path();
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
            while (j < rows.size() && rows.get(j).path().size() == 3
                    && rows.get(j).path().get(1).equals(path.get(1))) {
                f.label(first + j, 2, first + j, 7, rows.get(j).path().get(2), ROW);
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

    private static void requestRelations(List<SumDef> relations, List<RequestRow> rows) {
        List<String> applicantCols = REQUEST_COLUMNS.stream().map(c -> c[0]).filter(c -> !c.equals("total")).toList();
        for (RequestRow row : rows) {
            List<String> parts = applicantCols.stream().map(c -> "requests." + row.key() + "." + c).toList();
            relations.add(SumDef.total("T3-ROW", row.key(), "requests." + row.key() + ".total", parts));
        }
        List<String> resultRows = rows.stream().map(RequestRow::key)
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

    static TableForm appealTable(List<CellDef> cells, List<SumDef> relations) {
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
