package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.identity.CreditCode;
import io.xxgk.identity.Divisions;
import io.xxgk.identity.RegionCode;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.TableLocator;
import io.xxgk.schema.CarryDef;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.schema.SumDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.UrlValidator;

/** Runs the single-workbook checks of FORMAT.md on a source report. */
public final class Checker {

    private Checker() {
    }

    public static CheckResult check(SourceReport src) {
        Layout layout = src.layout();
        Indexes ix = INDEXES.computeIfAbsent(layout, Indexes::of);
        int n = layout.cells().size();
        BigDecimal[] values = new BigDecimal[n];
        boolean[] usable = new boolean[n];
        RawCell[] raws = new RawCell[n];
        List<Finding> findings = new ArrayList<>(src.problems());
        for (int i = 0; i < n; i++) {
            CellDef def = layout.cells().get(i);
            RawCell raw = src.cells().get(def.key());
            raws[i] = raw;
            if (raw == null) {
                continue;
            }
            ValueParser.Parsed p = ix.formula[i] ? ValueParser.parse(raw, def.type()) : typed(raw, def);
            values[i] = p.value();
            usable[i] = p.usable();
            if (p.rule() != null && !(p.rule() == Rule.VAL_BLANK && ix.formula[i])) {
                findings.add(Finding.of(p.rule(), src.file(), raw.location(), def.key(),
                        null, p.value(), p.messageKey(),
                        List.of(raw.location(), def.displayLabel(), p.shown(), p.value() == null ? "" : p.value().toPlainString())));
            }
        }
        if (nothingFilledIn(src, ix, raws)) {
            // A template returned blank: one error instead of a warning per cell, and never merged as zeros.
            findings.removeIf(f -> f.rule().equals(Rule.VAL_BLANK.id()));
            findings.add(Finding.of(Rule.VAL_EMPTY, src.file(), null, null, null,
                    null, "finding.valEmpty", List.of()));
        }
        computeUncachedFormulas(ix, raws, values);
        withoutTotalsOfInvalidCells(ix, raws, usable);
        CombinedRows combined = CombinedRows.of(src, values, usable, findings);
        Map<SumDef, Finding> broken = new LinkedHashMap<>();
        for (int r = 0; r < ix.left.length; r++) {
            SumDef rel = layout.relations().get(r);
            Finding f = relation(src, layout, rel, ix.left[r], ix.right[r], combined.values(), combined.usable(),
                    combined.aliases());
            if (f != null) {
                broken.put(rel, f);
            }
        }
        findings.addAll(withoutEchoes(layout, broken));
        findings.addAll(uncheckedForInvalidCells(src, layout, ix, raws, combined.usable()));
        if (noTableFound(src, findings)) {
            // Not a report at all (a read-me, another spreadsheet): one line that says so, not a
            // READ error per table and a missing name and year on top.
            findings.clear();
            findings.add(Finding.of(Rule.READ_TABLES, src.file(), null, null, null, null,
                    CheckResult.NO_TABLES, List.of()));
        } else {
            identity(src, findings);
            layoutForYear(src, findings);
        }
        findings.sort(Finding.order(layout::indexOf));
        Map<String, BigDecimal> byKey = new LinkedHashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            byKey.put(layout.cells().get(i).key(), values[i]);
        }
        byKey.putAll(combined.groupValues());
        return new CheckResult(src.file(), layout, src.identity(), byKey, src.cells(), findings, false, src.contains(), src.mark());
    }

    /** True when not one of the layout's tables was found and no cell was read. */
    private static boolean noTableFound(SourceReport src, List<Finding> findings) {
        long missing = findings.stream().filter(f -> TableLocator.TABLE_MISSING.equals(f.messageKey())).count();
        return src.cells().isEmpty() && missing == src.layout().forms().size();
    }

    /**
     * True for a report (not a summary) whose tables were found but hold nothing in any cell the
     * clerk types: a template sent back without a number. The carried-in cells (二、上年结转) do not
     * count: a template made with --previous has them before anyone types.
     */
    private static boolean nothingFilledIn(SourceReport src, Indexes ix, RawCell[] raws) {
        if (!src.contains().isEmpty()) {
            return false;
        }
        boolean found = false;
        for (int i = 0; i < raws.length; i++) {
            if (raws[i] != null && !ix.formula[i] && !ix.carried[i]) {
                if (raws[i].kind() != RawCell.Kind.BLANK) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    /**
     * A cell where a number is typed. A formula there gives a number nobody typed (it may come from another
     * workbook or a link): its saved result is taken and said (VAL-FORMULA); without one there is nothing
     * to take (VAL-NUM). Its other problems come first.
     */
    private static ValueParser.Parsed typed(RawCell raw, CellDef def) {
        ValueParser.Parsed p = ValueParser.parse(raw, def.type());
        if (!raw.formula()) {
            return p;
        }
        if (raw.kind() == RawCell.Kind.BLANK) {
            return new ValueParser.Parsed(null, Rule.VAL_NUM, "finding.valNum.formula", "");
        }
        return p.rule() != null ? p
                : new ValueParser.Parsed(p.value(), Rule.VAL_FORMULA, "finding.valFormula", p.shown() == null ? "" : p.shown());
    }

    /**
     * The sums not checked because a cell in them failed VAL-* (or is a total computed from one): said
     * once at each sum's total, as information ("含无效单元格，未核对"), so a clerk sees why it was not
     * checked and that it is not another error. A sum left out for a cell not found says nothing more
     * (its READ finding says it).
     */
    private static List<Finding> uncheckedForInvalidCells(SourceReport src, Layout layout, Indexes ix, RawCell[] raws,
                                                          boolean[] usable) {
        Map<String, Finding> byAnchor = new LinkedHashMap<>();
        for (int r = 0; r < ix.left.length; r++) {
            SumDef rel = layout.relations().get(r);
            int invalid = firstInvalid(ix.left[r], raws, usable);
            if (invalid < 0) {
                invalid = firstInvalid(ix.right[r], raws, usable);
            }
            RawCell anchor = src.cells().get(rel.anchor());
            if (invalid < 0 || anchor == null || byAnchor.containsKey(rel.anchor())) {
                continue;
            }
            byAnchor.put(rel.anchor(), Finding.of(Rule.SUM_UNCHECKED, src.file(), anchor.location(), rel.anchor(), null,
                    null, "finding.sumUnchecked", List.of(raws[invalid].location(), layout.cells().get(invalid).displayLabel())));
        }
        return List.copyOf(byAnchor.values());
    }

    /** The first cell of {@code cells} that was read but is not usable (failed VAL-*, or a total of such), or -1. */
    private static int firstInvalid(int[] cells, RawCell[] raws, boolean[] usable) {
        for (int i : cells) {
            if (i >= 0 && i < usable.length && raws[i] != null && !usable[i]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One mistake, one error: a total the file computes by a formula from a cell that failed VAL-*
     * (a -3, a 五) is left out of the sums as that cell is, so no second error points at a locked
     * formula cell the clerk cannot edit (T3-BAL on the 总计 column, 相差 20). A total typed by hand
     * is the clerk's own entry and is checked as it is.
     */
    private static void withoutTotalsOfInvalidCells(Indexes ix, RawCell[] raws, boolean[] usable) {
        for (boolean more = true; more; ) {
            more = false;
            for (int t = 0; t < ix.totals.length; t++) {
                int total = ix.totals[t];
                if (total < 0 || !usable[total] || raws[total] == null || !raws[total].formula()) {
                    continue;
                }
                for (int part : ix.totalParts[t]) {
                    if (part >= 0 && raws[part] != null && !usable[part]) {
                        usable[total] = false;
                        more = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * A layout's relations and totals by cell index (-1: a key the layout does not have), made once
     * per layout: the check runs once per input, and looking every key up by name each time cost
     * more than the arithmetic.
     */
    private static final class Indexes {
        final int[][] left;
        final int[][] right;
        final boolean[] formula;
        final boolean[] carried;
        final int[] totals;
        final int[][] totalParts;

        private Indexes(Layout layout) {
            List<SumDef> relations = layout.relations();
            left = new int[relations.size()][];
            right = new int[relations.size()][];
            for (int r = 0; r < relations.size(); r++) {
                left[r] = indexes(layout, relations.get(r).left());
                right[r] = indexes(layout, relations.get(r).right());
            }
            formula = new boolean[layout.cells().size()];
            carried = new boolean[layout.cells().size()];
            for (CarryDef c : layout.carries()) {
                if (layout.indexOf(c.thisYear()) >= 0) {
                    carried[layout.indexOf(c.thisYear())] = true;
                }
            }
            totals = new int[layout.formulas().size()];
            totalParts = new int[layout.formulas().size()][];
            int t = 0;
            for (Map.Entry<String, SumDef> e : layout.formulas().entrySet()) {
                totals[t] = layout.indexOf(e.getKey());
                totalParts[t] = indexes(layout, e.getValue().right());
                if (totals[t] >= 0) {
                    formula[totals[t]] = true;
                }
                t++;
            }
        }

        static Indexes of(Layout layout) {
            return new Indexes(layout);
        }

        private static int[] indexes(Layout layout, List<String> keys) {
            int[] out = new int[keys.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = layout.indexOf(keys.get(i));
            }
            return out;
        }
    }

    private static final Map<Layout, Indexes> INDEXES = new ConcurrentHashMap<>();

    /** The finding of a broken relation, or null when it holds or cannot be judged. */
    private static Finding relation(SourceReport src, Layout layout, SumDef rel, int[] leftCells, int[] rightCells,
                                    BigDecimal[] values, boolean[] usable, Map<String, String> aliases) {
        // Judged only when every cell involved was placed and read as a number (or blank).
        if (!allUsable(leftCells, usable) || !allUsable(rightCells, usable)) {
            return null;
        }
        BigDecimal left = sum(leftCells, values);
        BigDecimal right = sum(rightCells, values);
        if (left.compareTo(right) == 0) {
            return null;
        }
        // A sub-row a report printed as one group row: the finding names the group's cell.
        String anchorKey = aliases.getOrDefault(rel.anchor(), rel.anchor());
        RawCell anchor = src.cells().get(anchorKey);
        CellDef def = layout.cell(anchorKey).or(() -> CombinedRows.def(layout, anchorKey)).orElseThrow();
        boolean balance = rel.ruleId().equals("T3-BAL");
        String key = balance ? "finding.balance" : "finding.sum";
        // A total: expected = sum of its parts, actual = the stated total. The balance: expected =
        // 一+二, actual = (七)+四, so the difference is how far the anchor (四) side is off.
        BigDecimal expected = balance ? left : right;
        BigDecimal actual = balance ? right : left;
        String diff = actual.subtract(expected).toPlainString();
        List<Object> args = balance
                ? List.of(anchor.location(), def.colLabel(), left.toPlainString(), right.toPlainString(), diff)
                : List.of(anchor.location(), def.displayLabel(), left.toPlainString(), right.toPlainString(), diff);
        return Finding.of(Rule.byId(rel.ruleId()), src.file(),
                anchor.location(), anchorKey, expected, actual, key, args);
    }

    /** The broken relations without those made only of totals that the others explain ({@link Echoes}). */
    static List<Finding> withoutEchoes(Layout layout, Map<SumDef, Finding> broken) {
        Set<Finding> ofTotals = Collections.newSetFromMap(new IdentityHashMap<>());
        broken.forEach((rel, f) -> {
            if (Stream.concat(rel.left().stream(), rel.right().stream()).allMatch(layout::isFormula)) {
                ofTotals.add(f);
            }
        });
        return Echoes.without(new ArrayList<>(broken.values()), ofTotals::contains);
    }

    /** A total whose formula has no saved result gets the value computed from its parts. */
    private static void computeUncachedFormulas(Indexes ix, RawCell[] raws, BigDecimal[] values) {
        for (int pass = 0; pass < 2; pass++) {
            for (int t = 0; t < ix.totals.length; t++) {
                int at = ix.totals[t];
                RawCell raw = at < 0 ? null : raws[at];
                if (raw != null && raw.formula() && raw.kind() == RawCell.Kind.BLANK) {
                    values[at] = sum(ix.totalParts[t], values);
                }
            }
        }
    }

    private static boolean allUsable(int[] cells, boolean[] usable) {
        for (int i : cells) {
            if (i < 0 || !usable[i]) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal sum(int[] cells, BigDecimal[] values) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i : cells) {
            BigDecimal v = i < 0 ? null : values[i];
            if (v != null) {
                s = s.add(v);
            }
        }
        return s;
    }

    private static void identity(SourceReport src, List<Finding> findings) {
        for (IdentityField f : IdentityField.values()) {
            RawCell raw = src.identityCells().get(f.id());
            String cell = raw == null ? null : raw.location();
            String v = src.identity().get(f).orElse(null);
            if (v == null) {
                if (f.required()) {
                    findings.add(Finding.of(Rule.ID_REQUIRED, src.file(), cell, null, null, null,
                            "finding.idRequired", List.of(f.label())));
                }
                continue;
            }
            if (!valid(f, v)) {
                Rule rule = f == IdentityField.YEAR ? Rule.ID_REQUIRED : Rule.ID_FORMAT;
                findings.add(Finding.of(rule, src.file(), cell, null, null, null,
                        "finding.idFormat", List.of(f.label(), v.length() > 60 ? v.substring(0, 60) + "…" : v)));
            }
        }
        places(src, findings);
    }

    /**
     * The agency's name and region code against the list of divisions: a code not in it, a code of
     * another place than the one the name says, a place name one character off a real one (沐阳县:
     * 是否为 沭阳县？). Warnings: the name and code are reported as written, never changed.
     */
    private static void places(SourceReport src, List<Finding> findings) {
        String name = src.identity().get(IdentityField.NAME).filter(n -> n.length() <= MAX_FIELD).orElse(null);
        String code = src.identity().get(IdentityField.REGION_CODE).map(String::strip).orElse(null);
        for (Divisions.Doubt d : Divisions.doubts(name, code)) {
            findings.add(Finding.of(Rule.ID_PLACE, src.file(), where(src, d.aboutCode() ? IdentityField.REGION_CODE
                    : IdentityField.NAME), null, null, null, d.messageKey(), d.args()));
        }
    }

    private static String where(SourceReport src, IdentityField f) {
        RawCell raw = src.identityCells().get(f.id());
        return raw == null ? null : raw.location();
    }

    /**
     * A report of a year whose official layout is another (a 2024 report on the 2019 form): said in
     * check, as an error, because a merge of that year never adds it to the others' numbers (M-LAYOUT).
     */
    private static void layoutForYear(SourceReport src, List<Finding> findings) {
        String y = src.identity().get(IdentityField.YEAR).orElse(null);
        if (y == null || !YEAR.matcher(y).matches() || src.layout().officialFor(Integer.parseInt(y))) {
            return;
        }
        Layouts.officialFor(Integer.parseInt(y)).ifPresent(official ->
                findings.add(Finding.of(Rule.ID_LAYOUT, src.file(), null, null, null, null,
                        "finding.idLayout", List.of(y, src.layout().id(), src.layout().document(), official.id(),
                                official.document()))));
    }

    // Compiled once: the identity of every input is checked.
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{6}");
    private static final Pattern PHONE = Pattern.compile("[0-9+（）()\\-－ 转]{7,30}");

    /** No field of the identity is longer; a longer one is not checked further (the validators' time grows fast with length). */
    static final int MAX_FIELD = 200;

    static boolean valid(IdentityField f, String v) {
        if (v.length() > MAX_FIELD) {
            return false;
        }
        return switch (f) {
            case CREDIT_CODE -> CreditCode.isValid18(v);
            case REGION_CODE -> RegionCode.isValid(v);
            case YEAR -> YEAR.matcher(v).matches();
            case POSTCODE -> POSTCODE.matcher(v).matches();
            case EMAIL -> EmailValidator.getInstance().isValid(v);
            case PHONE -> PHONE.matcher(v).matches();
            case WEBSITE -> UrlValidator.getInstance().isValid(v.matches("(?i)https?://.*") ? v : "http://" + v);
            default -> true;
        };
    }
}
