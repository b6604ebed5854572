package io.xxgk.schema;

import static io.xxgk.schema.OfficialTables.R3;

import io.xxgk.schema.OfficialTables.ActiveColumn;
import io.xxgk.schema.OfficialTables.ActiveItem;
import io.xxgk.schema.OfficialTables.RequestRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The 2019 layout (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports and still met:
 * table 二 with 规章/规范性文件 × 本年新制作数量/本年新公开数量/对外公开总数量, 行政许可 and 其他对外管理服务事项,
 * 行政处罚 and 行政强制 × 上一年项目数量/本年增/减/处理决定数量, 行政事业性收费 × 上一年项目数量/本年增/减,
 * 政府集中采购 × 采购项目数量/采购总金额; table 三 with a single (六)其他处理 row; table 四 as in 2021.
 */
final class Layout2019 {

    static final String ID = "2019";

    private Layout2019() {
    }

    static final List<RequestRow> REQUEST_ROWS = OfficialTables.requestRows(List.of(
            new RequestRow("other", List.of(R3, "（六）其他处理"))));

    static Layout build() {
        List<CellDef> cells = new ArrayList<>();
        List<SumDef> relations = new ArrayList<>();
        List<TableForm> forms = new ArrayList<>();
        forms.add(activeTable(cells));
        forms.add(OfficialTables.requestTable(cells, relations, REQUEST_ROWS));
        forms.add(OfficialTables.appealTable(cells, relations));
        return new Layout(ID, "国办公开办函〔2019〕60号", cells, relations, forms, OfficialTables.WIDTHS)
                .forYears(2019, 2020)
                .withMarkers(List.of("本年新制作数量", "本年新公开数量", "对外公开总数量",
                        "上一年项目数量", "采购项目数量", "政府集中采购", "其他对外管理服务事项"))
                .withCrossYear(OfficialTables.carries(), List.of());
    }

    private static TableForm activeTable(List<CellDef> cells) {
        FormBuilder f = new FormBuilder();
        List<ActiveColumn> documents = List.of(
                new ActiveColumn("made", "本年新制作数量", ValueType.COUNT),
                new ActiveColumn("published", "本年新公开数量", ValueType.COUNT),
                new ActiveColumn("total", "对外公开总数量", ValueType.COUNT));
        List<ActiveColumn> items = List.of(
                new ActiveColumn("previous", "上一年项目数量", ValueType.COUNT),
                new ActiveColumn("change", "本年增/减", ValueType.SIGNED),
                new ActiveColumn("decisions", "处理决定数量", ValueType.COUNT));
        int r = OfficialTables.activeBlock(f, cells, 0, "第二十条第（一）项", documents,
                List.of(new ActiveItem("regulation", "规章"), new ActiveItem("normative", "规范性文件")));
        r = OfficialTables.activeBlock(f, cells, r, "第二十条第（五）项", items,
                List.of(new ActiveItem("license", "行政许可"), new ActiveItem("other_services", "其他对外管理服务事项")));
        r = OfficialTables.activeBlock(f, cells, r, "第二十条第（六）项", items,
                List.of(new ActiveItem("penalty", "行政处罚"), new ActiveItem("coercion", "行政强制")));
        r = OfficialTables.activeBlock(f, cells, r, "第二十条第（八）项", items.subList(0, 2),
                List.of(new ActiveItem("fees", "行政事业性收费")));
        OfficialTables.activeBlock(f, cells, r, "第二十条第（九）项",
                List.of(new ActiveColumn("items", "采购项目数量", ValueType.COUNT),
                        new ActiveColumn("amount", "采购总金额", ValueType.AMOUNT)),
                List.of(new ActiveItem("procurement", "政府集中采购")));
        return f.build("二", "二、主动公开政府信息情况", 0);
    }
}
