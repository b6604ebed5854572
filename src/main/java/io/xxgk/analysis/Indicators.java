package io.xxgk.analysis;

import io.xxgk.i18n.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The figures a leader reads from the tables of the 2021 layout, each with the definition used printed
 * beside it (practice knows several: the one used is named). Computed from any set of values by key —
 * one agency's, a merge's totals — so every level is read the same way.
 */
public final class Indicators {

    /** Fewer cases than this make a rate too small a base to rank by. */
    public static final int SMALL_BASE = 10;

    /** The reasons of each group: key part and the official row's words. */
    private static final String[][] DENIED = {{"secret", "属于国家秘密"}, {"law", "其他法律行政法规禁止公开"},
        {"safety", "危及“三安全一稳定”"}, {"third_party", "保护第三方合法权益"}, {"internal", "属于三类内部事务信息"},
        {"process", "属于四类过程性信息"}, {"enforcement", "属于行政执法案卷"}, {"query", "属于行政查询事项"}};
    private static final String[][] UNABLE = {{"not_held", "本机关不掌握相关政府信息"}, {"to_create", "没有现成信息需要另行制作"},
        {"unclear", "补正后申请内容仍不明确"}};
    private static final String[][] REJECTED = {{"petition", "信访举报投诉类申请"}, {"repeat", "重复申请"},
        {"publication", "要求提供公开出版物"}, {"excessive", "无正当理由大量反复申请"}, {"confirm", "要求行政机关确认或重新出具已获取信息"}};
    private static final String[][] OTHER = {{"no_correction", "申请人无正当理由逾期不补正"}, {"no_fee", "申请人逾期未按收费通知要求缴纳费用"},
        {"other", "其他"}};

    private Indicators() {
    }

    /**
     * Every figure's value by id, computed as {@link #of} computes them but without their words: an agency's
     * figures year on year, ten thousand times (their words cost most of the time).
     */
    public static Map<String, BigDecimal> values(Function<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Indicator i : of(values, false)) {
            out.put(i.id(), i.value());
        }
        return out;
    }

    /** The kinds of 行政复议 and 行政诉讼 whose 纠错率 is computed. */
    static final List<String> APPEALS = List.of("review", "suit_direct", "suit_after_review");

    /**
     * Every key the figures are computed from (they read each one whatever the values), in the order read: a
     * sum of these alone gives the figures of a sum of all cells.
     */
    public static final List<String> KEYS = keysRead(); // after the tables of keys it reads

    private static List<String> keysRead() {
        Set<String> read = new LinkedHashSet<>();
        of(k -> {
            read.add(k);
            return null;
        }, false);
        return List.copyOf(read);
    }

    /** The figures of {@code values} (a key's value, null when the tables do not hold it). */
    public static List<Indicator> of(Function<String, BigDecimal> values) {
        return of(values, true);
    }

    /** The figures, with their words in the run's language ({@code named}) or none (null labels, notes). */
    private static List<Indicator> of(Function<String, BigDecimal> values, boolean named) {
        Words w = new Words(named);
        Function<String, BigDecimal> v = k -> {
            BigDecimal x = values.apply(k);
            return x == null ? BigDecimal.ZERO : x;
        };
        List<Indicator> out = new ArrayList<>();
        BigDecimal closed = v.apply("requests.total.total");
        out.add(count(w, "requests.new", v.apply("requests.new.total")));
        out.add(count(w, "requests.carried_in", v.apply("requests.carried_in.total")));
        out.add(count(w, "requests.closed", closed));
        out.add(count(w, "requests.carried_out", v.apply("requests.carried_out.total")));
        BigDecimal granted = v.apply("requests.granted.total");
        BigDecimal partial = v.apply("requests.partial.total");
        out.add(rate(w, "rate.disclosed", granted.add(partial), closed));
        out.add(rate(w, "rate.granted", granted, closed));
        out.add(rate(w, "share.partial", partial, closed));
        group(w, out, "denied", "不予公开", "（三）不予公开", DENIED, v, closed);
        group(w, out, "unable", "无法提供", "（四）无法提供", UNABLE, v, closed);
        group(w, out, "rejected", "不予处理", "（五）不予处理", REJECTED, v, closed);
        group(w, out, "other", "其他处理", "（六）其他处理", OTHER, v, closed);
        for (String[] kind : new String[][] {{"review", "行政复议"}, {"suit_direct", "行政诉讼（未经复议直接起诉）"},
            {"suit_after_review", "行政诉讼（复议后起诉）"}}) {
            BigDecimal[] cd = corrections(v, List.of(kind[0]));
            out.add(rate(w, "correction." + kind[0], w.get("figure.correction", kind[1]), w.get("figure.correction.def"),
                    cd[0], cd[1]));
        }
        BigDecimal[] all = corrections(v, APPEALS);
        out.add(rate(w, "correction.all", all[0], all[1]));
        for (String[] k : new String[][] {{"active.regulation.in_force", "现行有效规章"}, {"active.normative.in_force", "现行有效行政规范性文件"},
            {"active.regulation.issued", "本年制发规章"}, {"active.normative.issued", "本年制发行政规范性文件"},
            {"active.license", "行政许可决定"}, {"active.penalty", "行政处罚决定"}, {"active.coercion", "行政强制决定"},
            {"active.fees", "行政事业性收费（万元）"}}) {
            out.add(new Indicator(k[0], k[1], w.get("figure.table2.def", k[1]), false, v.apply(k[0]), null, false));
        }
        return out;
    }

    /** A figure's words in the run's language, or none (null) for figures computed only for their values. */
    private record Words(boolean named) {
        String get(String key, Object... args) {
            return named ? Messages.get(key, args) : null;
        }
    }

    /** The figures compared agency by agency year on year (a province's ten thousand: these five, not all forty). */
    public static final List<String> PER_AGENCY = List.of("requests.new", "requests.closed", "rate.disclosed",
            "rate.granted", "correction.all");

    /** The values of {@link #PER_AGENCY} for one agency, as {@link #of} computes them, without their words. */
    public static Map<String, BigDecimal> perAgency(Function<String, BigDecimal> values) {
        Function<String, BigDecimal> v = k -> zero(values.apply(k));
        BigDecimal closed = v.apply("requests.total.total");
        BigDecimal granted = v.apply("requests.granted.total");
        BigDecimal[] cd = corrections(v, APPEALS);
        Map<String, BigDecimal> out = new HashMap<>();
        out.put("requests.new", v.apply("requests.new.total"));
        out.put("requests.closed", closed);
        out.put("rate.disclosed", percent(granted.add(v.apply("requests.partial.total")), closed));
        out.put("rate.granted", percent(granted, closed));
        out.put("correction.all", percent(cd[0], cd[1]));
        return out;
    }

    /** The notes of a rate over no base and over a small one, in the run's language (said once for many agencies). */
    record Notes(String zeroBase, String smallBase) {
        static Notes now() {
            return new Notes(Messages.get("figure.zeroBase"), Messages.get("figure.smallBase", SMALL_BASE));
        }
    }

    /**
     * A rate of one agency of many, as {@link #rate} computes it, its words those of {@code named} (the total's
     * figure) and {@code notes}: ten thousand agencies are ranked, and formatting their words cost most of the time.
     */
    static Indicator agencyRate(Indicator named, BigDecimal part, BigDecimal base, Notes notes) {
        if (base.signum() == 0) {
            return new Indicator(named.id(), named.label(), named.definition(), true, null, notes.zeroBase(), true);
        }
        boolean small = base.compareTo(BigDecimal.valueOf(SMALL_BASE)) < 0;
        return new Indicator(named.id(), named.label(), named.definition(), true, percent(part, base),
                small ? notes.smallBase() : null, small);
    }

    /**
     * 结果纠正 and the cases decided (总计 − 尚未审结) of the given kinds, added up: the part and the base of
     * a 纠错率. Missing values count as 0.
     */
    static BigDecimal[] corrections(Function<String, BigDecimal> values, List<String> kinds) {
        BigDecimal corrected = BigDecimal.ZERO;
        BigDecimal decided = BigDecimal.ZERO;
        for (String kind : kinds) {
            corrected = corrected.add(zero(values.apply("appeals." + kind + ".corrected")));
            decided = decided.add(zero(values.apply("appeals." + kind + ".total")))
                    .subtract(zero(values.apply("appeals." + kind + ".pending")));
        }
        return new BigDecimal[] {corrected, decided};
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** {@code part ÷ base} in percent to 0.1, or null over a zero base. */
    private static BigDecimal percent(BigDecimal part, BigDecimal base) {
        if (base.signum() == 0) {
            return null;
        }
        // Most reasons are 0: no division for them.
        return part.signum() == 0 ? ZERO_PERCENT : part.multiply(BigDecimal.valueOf(100)).divide(base, 1, RoundingMode.HALF_UP);
    }

    private static final BigDecimal ZERO_PERCENT = new BigDecimal("0.0");

    /** A group of refusal reasons: the group's share of 办结, then each reason's. */
    private static void group(Words w, List<Indicator> out, String id, String label, String row, String[][] reasons,
                              Function<String, BigDecimal> v, BigDecimal closed) {
        String key = "requests." + id + "_";
        BigDecimal sum = BigDecimal.ZERO;
        for (String[] r : reasons) {
            sum = sum.add(v.apply(key + r[0] + ".total"));
        }
        out.add(rate(w, "share." + id, w.get("figure.groupShare", label), w.get("figure.groupShare.def", row), sum, closed));
        for (String[] r : reasons) {
            out.add(rate(w, "share." + id + "." + r[0], label + "：" + r[1], w.get("figure.reason.def", row),
                    v.apply(key + r[0] + ".total"), closed));
        }
    }

    /** A count named by its messages ({@code figure.<id>} and its {@code .def}). */
    private static Indicator count(Words w, String id, BigDecimal value) {
        return new Indicator(id, w.get("figure." + id), w.get("figure." + id + ".def"), false, value, null, false);
    }

    /** A rate named by its messages ({@code figure.<id>} and its {@code .def}). */
    private static Indicator rate(Words w, String id, BigDecimal part, BigDecimal base) {
        return rate(w, id, w.get("figure." + id), w.get("figure." + id + ".def"), part, base);
    }

    /** {@code part ÷ base} in percent to 0.1; "—" with the reason over a zero base. */
    private static Indicator rate(Words w, String id, String label, String definition, BigDecimal part, BigDecimal base) {
        if (base.signum() == 0) {
            return new Indicator(id, label, definition, true, null, w.get("figure.zeroBase"), true);
        }
        BigDecimal percent = percent(part, base);
        boolean small = base.compareTo(BigDecimal.valueOf(SMALL_BASE)) < 0;
        return new Indicator(id, label, definition, true, percent, small ? w.get("figure.smallBase", SMALL_BASE) : null, small);
    }
}
