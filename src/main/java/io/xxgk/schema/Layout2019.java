package io.xxgk.schema;

import static io.xxgk.schema.OfficialTables.G_DENIED;
import static io.xxgk.schema.OfficialTables.G_REJECTED;
import static io.xxgk.schema.OfficialTables.G_UNABLE;
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
            new RequestRow("other", List.of(R3, "（六）其他处理")),
            new RequestRow("total", List.of(R3, "（七）总计")),
            new RequestRow("carried_out", List.of("四、结转下年度继续办理")));

    static Layout build() {
        List<CellDef> cells = new ArrayList<>();
        List<SumDef> relations = new ArrayList<>();
        List<TableForm> forms = new ArrayList<>();
        forms.add(activeTable(cells));
        forms.add(OfficialTables.requestTable(cells, relations, REQUEST_ROWS));
        forms.add(OfficialTables.appealTable(cells, relations));
        return new Layout(ID, "国办公开办函〔2019〕60号", cells, relations, forms, OfficialTables.WIDTHS)
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
