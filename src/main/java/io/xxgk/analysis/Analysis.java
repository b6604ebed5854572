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
import java.util.IdentityHashMap;
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
 * @param agencies every agency counted, by 公开率 as {@code ranking}: its place in each ranking and its year on year
 */
public record Analysis(List<Indicator> now, List<Indicator> sameNow, List<Indicator> lastYear, int pairedUnits,
                       List<Ranked> ranking, List<Mover> movers, List<Year> trend, List<Ranking> rankings,
                       List<AgencyYear> byAgency, List<Agency> agencies) {

    /**
     * One agency's figures together: its 公开率 (as in {@code ranking}), its figure in each of {@code rankings}
     * (in their order), and its year on year (null: no report of last year).
     */
    public record Agency(Ranked disclosure, List<Ranked> others, AgencyYear year) {
    }

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
            // Only the keys the figures read are added up (a fifth of the cells, ten thousand agencies twice).
            List<String> keys = Indicators.KEYS;
            int[] at = new int[keys.size()];
            for (int j = 0; j < at.length; j++) {
                at[j] = layout.indexOf(keys.get(j));
            }
            BigDecimal[] thisYear = new BigDecimal[at.length];
            BigDecimal[] last = new BigDecimal[at.length];
            for (CarryLine line : r.carry()) {
                if (line.lastYear() == null) {
                    continue;
                }
                paired++;
                Map<String, BigDecimal> lastValues = line.lastYear().values();
                for (int j = 0; j < at.length; j++) {
                    add(thisYear, j, at[j] < 0 ? null : line.input().value(layout, at[j]));
                    add(last, j, lastValues.get(keys.get(j)));
                }
            }
            if (paired > 0) {
                sameNow = Indicators.of(byKey(keys, thisYear)::get);
                lastYear = Indicators.of(byKey(keys, last)::get);
            }
        }
        // The agencies' figures are worded as the totals' (the same figure, ten thousand times).
        Indicator disclosed = find(now, "rate.disclosed");
        Indicators.Notes notes = Indicators.Notes.now();
        List<Mover> movers = new ArrayList<>();
        List<AgencyYear> byAgency = new ArrayList<>();
        Map<MergeInput, AgencyYear> yearOf = new IdentityHashMap<>();
        if (r.carry() != null) {
            for (CarryLine line : r.carry()) {
                if (line.lastYear() == null) {
                    continue;
                }
                Function<String, BigDecimal> nowValues = k -> line.input().value(layout, layout.indexOf(k));
                Function<String, BigDecimal> lastValues = k -> line.lastYear().values().get(k);
                Map<String, BigDecimal> nowFigures = Indicators.perAgency(nowValues);
                Map<String, BigDecimal> lastFigures = Indicators.perAgency(lastValues);
                AgencyYear year = new AgencyYear(line.input().name(), line.input().file(), nowFigures, lastFigures,
                        nowValues, lastValues);
                byAgency.add(year);
                yearOf.put(line.input(), year);
                BigDecimal nowRate = nowFigures.get("rate.disclosed");
                BigDecimal lastRate = lastFigures.get("rate.disclosed");
                if (nowRate != null && lastRate != null && !small(nowFigures) && !small(lastFigures)) {
                    movers.add(new Mover(line.input().name(), line.input().file(), disclosure(nowValues, disclosed, notes),
                            disclosure(lastValues, disclosed, notes), nowRate.subtract(lastRate)));
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
        Indicator[] named = new Indicator[OTHER_RANKINGS.length];
        for (int i = 0; i < OTHER_RANKINGS.length; i++) {
            named[i] = find(now, OTHER_RANKINGS[i][0]);
        }
        List<Agency> agencies = new ArrayList<>();
        for (MergeInput in : r.inputs()) {
            if (in.status().merged()) {
                Ranked d = new Ranked(in.name(), in.file(), zero(in.value(layout, closed)),
                        disclosure(k -> in.value(layout, layout.indexOf(k)), disclosed, notes));
                ranking.add(d);
                List<Ranked> own = new ArrayList<>(OTHER_RANKINGS.length);
                for (int i = 0; i < OTHER_RANKINGS.length; i++) {
                    BigDecimal base = base(layout, in, OTHER_RANKINGS[i]);
                    Indicator f = named[i].rate() ? Indicators.agencyRate(named[i], part(layout, in, named[i].id()), base, notes)
                            : new Indicator(named[i].id(), named[i].label(), named[i].definition(), false, base, null, false);
                    Ranked o = new Ranked(in.name(), in.file(), base, f);
                    others.get(i).add(o);
                    own.add(o);
                }
                agencies.add(new Agency(d, List.copyOf(own), yearOf.get(in)));
            }
        }
        sort(ranking);
        agencies.sort(Comparator.comparing(Agency::disclosure, RANKED));
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
        return new Analysis(now, sameNow, lastYear, paired, ranking, movers, trend, rankings, byAgency, agencies);
    }

    /** Whether an agency's 办结 (of {@link Indicators#perAgency}) is too small a base for its rates to compare. */
    private static boolean small(Map<String, BigDecimal> figures) {
        return figures.get("requests.closed").compareTo(BigDecimal.valueOf(Indicators.SMALL_BASE)) < 0;
    }

    /** One agency's 公开率 ({@code values}: its values by key), worded as the totals' {@code named}. */
    private static Indicator disclosure(Function<String, BigDecimal> values, Indicator named, Indicators.Notes notes) {
        BigDecimal granted = zero(values.apply("requests.granted.total"));
        return Indicators.agencyRate(named, granted.add(zero(values.apply("requests.partial.total"))),
                zero(values.apply("requests.total.total")), notes);
    }

    /** Ranked first: a figure over a base large enough, highest first; then the small bases, then none. */
    private static final Comparator<Ranked> RANKED =
            Comparator.<Ranked>comparingInt(x -> x.rate().value() == null ? 2 : x.rate().smallBase() ? 1 : 0)
                    .thenComparing(x -> x.rate().value() == null ? BigDecimal.ZERO : x.rate().value(), Comparator.reverseOrder())
                    .thenComparing(Ranked::closed, Comparator.reverseOrder());

    private static void sort(List<Ranked> list) {
        list.sort(RANKED);
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

    private static void add(BigDecimal[] sums, int j, BigDecimal v) {
        if (v != null) {
            sums[j] = sums[j] == null ? v : sums[j].add(v);
        }
    }

    private static Map<String, BigDecimal> byKey(List<String> keys, BigDecimal[] sums) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (int j = 0; j < sums.length; j++) {
            if (sums[j] != null) {
                out.put(keys.get(j), sums[j]);
            }
        }
        return out;
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
