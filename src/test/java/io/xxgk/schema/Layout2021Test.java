package io.xxgk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The 2021 layout against FORMAT.md, typed here independently of the definition. */
class Layout2021Test {

    private final Layout layout = Layouts.get("2021");

    static final List<String> ACTIVE = List.of(
            "active.regulation.issued", "active.regulation.repealed", "active.regulation.in_force",
            "active.normative.issued", "active.normative.repealed", "active.normative.in_force",
            "active.license", "active.penalty", "active.coercion", "active.fees");
    static final List<String> ROWS = List.of("new", "carried_in", "granted", "partial", "denied_secret",
            "denied_law", "denied_safety", "denied_third_party", "denied_internal", "denied_process",
            "denied_enforcement", "denied_query", "unable_not_held", "unable_to_create", "unable_unclear",
            "rejected_petition", "rejected_repeat", "rejected_publication", "rejected_excessive",
            "rejected_confirm", "other_no_correction", "other_no_fee", "other_other", "total", "carried_out");
    static final List<String> COLS = List.of("natural", "business", "research", "nonprofit", "legal", "other", "total");
    static final List<String> GROUPS = List.of("review", "suit_direct", "suit_after_review");
    static final List<String> APPEAL_COLS = List.of("upheld", "corrected", "other", "pending", "total");

    static List<String> expectedKeys() {
        List<String> keys = new ArrayList<>(ACTIVE);
        for (String r : ROWS) {
            for (String c : COLS) {
                keys.add("requests." + r + "." + c);
            }
        }
        for (String g : GROUPS) {
            for (String c : APPEAL_COLS) {
                keys.add("appeals." + g + "." + c);
            }
        }
        return keys;
    }

    @Test
    void hasTheTwoHundredKeysOfFormatMdInOrder() {
        List<String> keys = layout.cells().stream().map(CellDef::key).toList();
        assertThat(keys).hasSize(200).containsExactlyElementsOf(expectedKeys());
    }

    @Test
    void onlyTheFeeIsAnAmount() {
        Set<String> amounts = layout.cells().stream().filter(c -> c.type() == ValueType.AMOUNT)
                .map(CellDef::key).collect(Collectors.toSet());
        assertThat(amounts).containsExactly("active.fees");
    }

    @Test
    void officialLabelsOfSampleCells() {
        CellDef c = layout.cell("requests.other_no_fee.legal").orElseThrow();
        assertThat(c.rowPath()).containsExactly("三、本年度办理结果", "（六）其他处理",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
        assertThat(c.colPath()).containsExactly("申请人情况", "法人或其他组织", "法律服务机构");
        assertThat(layout.cell("active.regulation.repealed").orElseThrow().colLabel()).isEqualTo("本年废止件数");
        assertThat(layout.cell("appeals.suit_after_review.pending").orElseThrow().colPath())
                .containsExactly("行政诉讼", "复议后起诉", "尚未审结");
    }

    @Test
    void totalsAreTheTotalColumnTheTotalRowAndTableFourTotals() {
        Set<String> formulas = layout.formulas().keySet();
        Set<String> expected = new HashSet<>();
        ROWS.forEach(r -> expected.add("requests." + r + ".total"));
        COLS.forEach(c -> expected.add("requests.total." + c));
        GROUPS.forEach(g -> expected.add("appeals." + g + ".total"));
        assertThat(formulas).isEqualTo(expected);
        assertThat(layout.formulas().get("requests.total.natural").right())
                .hasSize(21).startsWith("requests.granted.natural").endsWith("requests.other_other.natural");
        assertThat(layout.formulas().get("appeals.review.total").right()).containsExactly(
                "appeals.review.upheld", "appeals.review.corrected", "appeals.review.other", "appeals.review.pending");
    }

    @Test
    void everyRuleOfFormatMdAppliesToEveryRowAndColumn() {
        assertThat(layout.relations().stream().filter(r -> r.ruleId().equals("T3-ROW"))).hasSize(25);
        assertThat(layout.relations().stream().filter(r -> r.ruleId().equals("T3-COL"))).hasSize(7);
        assertThat(layout.relations().stream().filter(r -> r.ruleId().equals("T4-SUM"))).hasSize(3);
        SumDef bal = layout.relations().stream()
                .filter(r -> r.ruleId().equals("T3-BAL") && r.scope().equals("legal")).findFirst().orElseThrow();
        assertThat(bal.left()).containsExactly("requests.new.legal", "requests.carried_in.legal");
        assertThat(bal.right()).containsExactly("requests.total.legal", "requests.carried_out.legal");
    }

    @Test
    void unknownLayoutIsNotFound() {
        assertThat(Layouts.find("1999")).isEmpty();
        assertThat(Layouts.ids()).contains("2021");
    }

    /** Regression: messages said "行政复议 × 行政复议 / 尚未审结", the group twice. */
    @Test
    void displayLabelsSayEachLabelOnce() {
        Layout l = Layouts.get("2021");
        assertThat(l.cell("appeals.review.pending").orElseThrow().displayLabel()).isEqualTo("行政复议 / 尚未审结");
        assertThat(l.cell("appeals.suit_direct.corrected").orElseThrow().displayLabel())
                .isEqualTo("行政诉讼 / 未经复议直接起诉 / 结果纠正");
        assertThat(l.cell("requests.new.natural").orElseThrow().displayLabel())
                .isEqualTo("一、本年新收政府信息公开申请数量 × 申请人情况 / 自然人");
        Set<String> labels = new HashSet<>();
        for (CellDef c : l.cells()) {
            assertThat(labels.add(c.displayLabel())).as("unique: %s", c.displayLabel()).isTrue();
        }
    }
}
