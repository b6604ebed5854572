package io.xxgk.schema;

import static io.xxgk.schema.OfficialTables.G_OTHER;
import static io.xxgk.schema.OfficialTables.R3;

import io.xxgk.identity.Labels;
import io.xxgk.schema.OfficialTables.ActiveColumn;
import io.xxgk.schema.OfficialTables.ActiveItem;
import io.xxgk.schema.OfficialTables.RequestRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The 2021 layout (国办公开办函〔2021〕30号): 200 cells in tables 二, 三 and 四, their relations, the
 * values carried over from last year, and their printed form. Labels are the official ones, with
 * full-width punctuation as published.
 */
final class Layout2021 {

    static final String ID = "2021";

    private Layout2021() {
    }

    static final List<RequestRow> REQUEST_ROWS = OfficialTables.requestRows(List.of(
            new RequestRow("other_no_correction", List.of(R3, G_OTHER,
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
            new RequestRow("other_no_fee", List.of(R3, G_OTHER,
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
            new RequestRow("other_other", List.of(R3, G_OTHER, "3.其他"))));

    static Layout build() {
        List<CellDef> cells = new ArrayList<>();
        List<SumDef> relations = new ArrayList<>();
        List<TableForm> forms = new ArrayList<>();
        forms.add(activeTable(cells));
        forms.add(OfficialTables.requestTable(cells, relations, REQUEST_ROWS));
        forms.add(OfficialTables.appealTable(cells, relations));
        List<StockDef> stocks = List.of(
                new StockDef("Y-STOCK", "active.regulation.in_force", "active.regulation.issued", "active.regulation.repealed"),
                new StockDef("Y-STOCK", "active.normative.in_force", "active.normative.issued", "active.normative.repealed"));
        List<CellDef> other = new ArrayList<>();
        for (CellDef c : cells) {
            if (c.rowKey().equals("other_no_correction")) {
                other.add(new CellDef("requests.other." + c.colKey(), c.table(), "other", c.colKey(),
                        List.of(R3, G_OTHER), c.colPath(), c.type()));
            }
        }
        return new Layout(ID, "国办公开办函〔2021〕30号", cells, relations, forms, OfficialTables.WIDTHS)
                .forYears(2021, 0)
                .withMarkers(List.of("本年制发件数", "本年废止件数", "现行有效件数",
                        "本年处理决定数量", "本年收费金额", "申请人无正当理由逾期不补正"))
                .withCrossYear(OfficialTables.carries(), stocks)
                .withCombined(List.of(new CombinedRow("other",
                        List.of("other_no_correction", "other_no_fee", "other_other"), other)));
    }

    private static TableForm activeTable(List<CellDef> cells) {
        FormBuilder f = new FormBuilder();
        ActiveColumn decisions = new ActiveColumn("", "本年处理决定数量", ValueType.COUNT);
        int r = OfficialTables.activeBlock(f, cells, 0, "第二十条第（一）项",
                List.of(new ActiveColumn("issued", "本年制发件数", ValueType.COUNT),
                        new ActiveColumn("repealed", "本年废止件数", ValueType.COUNT),
                        new ActiveColumn("in_force", "现行有效件数", ValueType.COUNT)),
                List.of(new ActiveItem("regulation", "规章"), new ActiveItem("normative", "行政规范性文件")));
        r = OfficialTables.activeBlock(f, cells, r, "第二十条第（五）项", List.of(decisions),
                List.of(new ActiveItem("license", "行政许可")));
        r = OfficialTables.activeBlock(f, cells, r, "第二十条第（六）项", List.of(decisions),
                List.of(new ActiveItem("penalty", "行政处罚"), new ActiveItem("coercion", "行政强制")));
        OfficialTables.activeBlock(f, cells, r, "第二十条第（八）项",
                List.of(new ActiveColumn("", "本年收费金额（单位：万元）", ValueType.AMOUNT)),
                List.of(new ActiveItem("fees", "行政事业性收费")));
        return f.build("二", "二、主动公开政府信息情况", 0);
    }
}
