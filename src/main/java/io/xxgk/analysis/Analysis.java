package io.xxgk.analysis;

import io.xxgk.merge.CarryLine;
import io.xxgk.merge.MergeInput;
import io.xxgk.merge.MergeResult;
import io.xxgk.merge.YearTotals;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The analysis of a merge (issue 26): the figures of the totals ({@link Indicators}); with last year's
 * reports, the same figures of last year over the agencies that have one, beside this year's over the
 * same agencies; and the agencies ranked by 公开率, those of a small base after the others, marked.
 * Only the 2021 layout (its keys) is analysed; null for another.
 *
 * @param now the figures of the merge's totals
 * @param sameNow this year's figures over the agencies with last year's report (null: no last year)
 * @param lastYear last year's figures over them
 * @param pairedUnits how many agencies those are
 * @param ranking the agencies counted, by 公开率
 * @param movers the agencies whose 公开率 moved most since last year (both years' bases large enough), most first
 * @param trend each year's figures over all its reports, earliest first, this year last (empty: no past year given)
 * @param rankings the agencies ranked by the other figures: 予以公开率, 纠错率 (all kinds) and 新收申请 (volume)
 * @param byAgency each agency with last year's report: {@link Indicators#PER_AGENCY} this year and last
 */
public record Analysis(List<Indicator> now, List<Indicator> sameNow, List<Indicator> lastYear, int pairedUnits,
                       List<Ranked> ranking, List<Mover> movers, List<Year> trend, List<Ranking> rankings,
                       List<AgencyYear> byAgency) {

    /**
     * One agency's figures this year and last: the five compared agency by agency (by id; a rate over nothing
     * is null), and its values by key both years, from which {@link #all} gives every figure when asked (the
     * JSON) rather than for every merge.
     */
    public record AgencyYear(String agency, String file, Map<String, BigDecimal> now, Map<String, BigDecimal> lastYear,
                             Function<String, BigDecimal> nowValues, Function<String, BigDecimal> lastYearValues) {

        /** Every figure's value by id, this year ({@code lastYear} false) or last. */
        public Map<String, BigDecimal> all(boolean lastYear) {
            return Indicators.values(lastYear ? lastYearValues : nowValues);
        }
    }

    /** The figures agencies are ranked by besides 公开率: the figure's id, and the key of its base (null: a count). */
    private static final String[][] OTHER_RANKINGS = {{"rate.granted", "requests.total.total"},
        {"correction.all", null}, {"requests.new", null}};

    /** The agencies by one figure, ranked first those over a base large enough, highest first. */
    public record Ranking(String id, String label, List<Ranked> places) {
    }

    /** One year of the trend: its label, how many reports it adds up, its figures. */
    public record Year(String year, int reports, List<Indicator> figures) {
    }

    /** How many of the agencies that moved most are listed. */
    public static final int MOVERS = 10;

    /** An agency's 公开率 this year and last, and the change in percentage points. */
    public record Mover(String agency, String file, Indicator now, Indicator lastYear, BigDecimal change) {
    }

    /** One agency's place by 公开率: its 办结 (the base) and the rate (null: nothing closed). */
    public record Ranked(String agency, String file, BigDecimal closed, Indicator rate) {
    }

    public static Analysis of(MergeResult r) {
        Layout layout = r.layout();
        if (!layout.id().equals("2021")) {
            return null;
        }
        Map<String, BigDecimal> totals = new HashMap<>();
        for (int i = 0; i < layout.cells().size(); i++) {
            totals.put(layout.cells().get(i).key(), r.sums()[i]);
        }
        List<Indicator> now = Indicators.of(totals::get);
        List<Indicator> sameNow = null;
        List<Indicator> lastYear = null;
        int paired = 0;
        if (r.carry() != null) {
            Map<String, BigDecimal> thisYear = new HashMap<>();
            Map<String, BigDecimal> last = new HashMap<>();
            for (CarryLine line : r.carry()) {
                if (line.lastYear() == null) {
                    continue;
                }
                paired++;
                for (int i = 0; i < layout.cells().size(); i++) {
                    String key = layout.cells().get(i).key();
                    add(thisYear, key, line.input().value(layout, i));
                    add(last, key, line.lastYear().values().get(key));
                }
            }
            if (paired > 0) {
                sameNow = Indicators.of(thisYear::get);
                lastYear = Indicators.of(last::get);
            }
        }
        List<Mover> movers = new ArrayList<>();
        List<AgencyYear> byAgency = new ArrayList<>();
        if (r.carry() != null) {
            for (CarryLine line : r.carry()) {
                if (line.lastYear() == null) {
                    continue;
                }
                Function<String, BigDecimal> nowValues = k -> line.input().value(layout, layout.indexOf(k));
                Function<String, BigDecimal> lastValues = k -> line.lastYear().values().get(k);
                byAgency.add(new AgencyYear(line.input().name(), line.input().file(), Indicators.perAgency(nowValues),
                        Indicators.perAgency(lastValues), nowValues, lastValues));
                Indicator now1 = Indicators.disclosure(k -> line.input().value(layout, layout.indexOf(k)));
                Indicator last1 = Indicators.disclosure(k -> line.lastYear().values().get(k));
                if (now1.value() != null && last1.value() != null && !now1.smallBase() && !last1.smallBase()) {
                    movers.add(new Mover(line.input().name(), line.input().file(), now1, last1, now1.value().subtract(last1.value())));
                }
            }
            movers.sort(Comparator.comparing((Mover m) -> m.change().abs(), Comparator.reverseOrder()));
            if (movers.size() > MOVERS) {
                movers = new ArrayList<>(movers.subList(0, MOVERS));
            }
        }
        List<Ranked> ranking = new ArrayList<>();
        int closed = layout.indexOf("requests.total.total");
        List<List<Ranked>> others = new ArrayList<>();
        for (String[] o : OTHER_RANKINGS) {
            others.add(new ArrayList<>());
        }
        for (MergeInput in : r.inputs()) {
            if (in.status().merged()) {
                ranking.add(new Ranked(in.name(), in.file(), zero(in.value(layout, closed)),
                        Indicators.disclosure(k -> in.value(layout, layout.indexOf(k)))));
                for (int i = 0; i < OTHER_RANKINGS.length; i++) {
                    // Only the figure ranked, named as the total's (a province's ten thousand agencies).
                    Indicator named = find(now, OTHER_RANKINGS[i][0]);
                    BigDecimal base = base(layout, in, OTHER_RANKINGS[i]);
                    Indicator f = named.rate() ? Indicators.bareRate(named, part(layout, in, named.id()), base)
                            : new Indicator(named.id(), named.label(), named.definition(), false, base, null, false);
                    others.get(i).add(new Ranked(in.name(), in.file(), base, f));
                }
            }
        }
        sort(ranking);
        List<Ranking> rankings = new ArrayList<>();
        for (int i = 0; i < OTHER_RANKINGS.length; i++) {
            sort(others.get(i));
            rankings.add(new Ranking(OTHER_RANKINGS[i][0], find(now, OTHER_RANKINGS[i][0]).label(), others.get(i)));
        }
        List<Year> trend = new ArrayList<>();
        if (!r.past().isEmpty()) {
            for (YearTotals past : r.past()) {
                trend.add(new Year(past.year(), past.reports(), Indicators.of(past.totals()::get)));
            }
            trend.add(new Year(r.year() == null ? "" : r.year(), (int) r.merged(), now));
            // Earliest first; a year of no number (a folder's name) keeps its place after the others.
            trend.sort(Comparator.comparing((Year y) -> y.year().matches("\\d{4}") ? y.year() : "9999" + y.year()));
        }
        return new Analysis(now, sameNow, lastYear, paired, ranking, movers, trend, rankings, byAgency);
    }

    /** Ranked first: a figure over a base large enough, highest first; then the small bases, then none. */
    private static void sort(List<Ranked> list) {
        list.sort(Comparator.<Ranked>comparingInt(x -> x.rate().value() == null ? 2 : x.rate().smallBase() ? 1 : 0)
                .thenComparing(x -> x.rate().value() == null ? BigDecimal.ZERO : x.rate().value(), Comparator.reverseOrder())
                .thenComparing(Ranked::closed, Comparator.reverseOrder()));
    }

    /** The base of an agency's figure: the key given, or for 纠错率 the cases decided (总计 − 尚未审结), or the count itself. */
    private static BigDecimal base(Layout layout, MergeInput in, String[] ranking) {
        if (ranking[1] != null) {
            return zero(in.value(layout, layout.indexOf(ranking[1])));
        }
        if (ranking[0].equals("correction.all")) {
            return Indicators.corrections(k -> in.value(layout, layout.indexOf(k)), Indicators.APPEALS)[1];
        }
        return zero(in.value(layout, layout.indexOf(ranking[0] + ".total")));
    }

    /** The part of a rate ranked: 予以公开, or the cases 结果纠正 of all kinds. */
    private static BigDecimal part(Layout layout, MergeInput in, String id) {
        if (id.equals("rate.granted")) {
            return zero(in.value(layout, layout.indexOf("requests.granted.total")));
        }
        return Indicators.corrections(k -> in.value(layout, layout.indexOf(k)), Indicators.APPEALS)[0];
    }

    private static Indicator find(List<Indicator> list, String id) {
        return list.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static void add(Map<String, BigDecimal> into, String key, BigDecimal v) {
        if (v != null) {
            into.merge(key, v, BigDecimal::add);
        }
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
