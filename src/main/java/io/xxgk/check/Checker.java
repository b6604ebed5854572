package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.SumDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.UrlValidator;

/** Runs the single-workbook checks of FORMAT.md on a source report. */
public final class Checker {

    private Checker() {
    }

    public static CheckResult check(SourceReport src) {
        Layout layout = src.layout();
        List<Finding> findings = new ArrayList<>();
        Map<String, BigDecimal> values = new LinkedHashMap<>(512);
        Map<String, Boolean> usable = new HashMap<>(512);
        findings.addAll(src.problems());
        for (CellDef def : layout.cells()) {
            RawCell raw = src.cells().get(def.key());
            if (raw == null) {
                values.put(def.key(), null);
                usable.put(def.key(), false);
                continue;
            }
            ValueParser.Parsed p = ValueParser.parse(raw, def.type());
            values.put(def.key(), p.value());
            usable.put(def.key(), p.usable());
            if (p.rule() != null && !(p.rule() == Rule.VAL_BLANK && layout.isFormula(def.key()))) {
                findings.add(new Finding(p.rule().id(), p.rule().severity(), src.file(), raw.location(), def.key(),
                        null, p.value(), p.messageKey(),
                        List.of(raw.location(), def.displayLabel(), p.shown(), p.value() == null ? "" : p.value().toPlainString())));
            }
        }
        computeUncachedFormulas(src, layout, values);
        Map<SumDef, Finding> broken = new LinkedHashMap<>();
        for (SumDef rel : layout.relations()) {
            relation(src, layout, rel, values, usable).ifPresent(f -> broken.put(rel, f));
        }
        findings.addAll(withoutEchoes(layout, broken));
        identity(src, findings);
        findings.sort(Finding.order(layout::indexOf));
        return new CheckResult(src.file(), layout, src.identity(), values, src.cells(), findings, false, src.contains());
    }

    private static java.util.Optional<Finding> relation(SourceReport src, Layout layout, SumDef rel,
                                                        Map<String, BigDecimal> values, Map<String, Boolean> usable) {
        // Judged only when every cell involved was placed and read as a number (or blank).
        if (!allUsable(rel.left(), usable) || !allUsable(rel.right(), usable)) {
            return java.util.Optional.empty();
        }
        BigDecimal left = sum(rel.left(), values);
        BigDecimal right = sum(rel.right(), values);
        if (left.compareTo(right) == 0) {
            return java.util.Optional.empty();
        }
        RawCell anchor = src.cells().get(rel.anchor());
        CellDef def = layout.cell(rel.anchor()).orElseThrow();
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
        return java.util.Optional.of(new Finding(rel.ruleId(), Rule.byId(rel.ruleId()).severity(), src.file(),
                anchor.location(), rel.anchor(), expected, actual, key, args));
    }

    /**
     * Drops a broken relation made only of total cells (e.g. the balance of the 总计 column) when
     * broken relations of the same rule over the parts explain its difference exactly: one wrong
     * number then gives one finding, not a second one for the totals that merely add it up.
     */
    static List<Finding> withoutEchoes(Layout layout, Map<SumDef, Finding> broken) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<SumDef, Finding> e : broken.entrySet()) {
            SumDef rel = e.getKey();
            boolean allTotals = Stream.concat(rel.left().stream(), rel.right().stream()).allMatch(layout::isFormula);
            BigDecimal explained = BigDecimal.ZERO;
            boolean anyPart = false;
            for (Map.Entry<SumDef, Finding> o : broken.entrySet()) {
                boolean oAllTotals = Stream.concat(o.getKey().left().stream(), o.getKey().right().stream())
                        .allMatch(layout::isFormula);
                if (o.getKey().ruleId().equals(rel.ruleId()) && !oAllTotals) {
                    explained = explained.add(o.getValue().difference());
                    anyPart = true;
                }
            }
            if (!(allTotals && anyPart && explained.compareTo(e.getValue().difference()) == 0)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** A total whose formula has no saved result gets the value computed from its parts. */
    private static void computeUncachedFormulas(SourceReport src, Layout layout, Map<String, BigDecimal> values) {
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<String, SumDef> e : layout.formulas().entrySet()) {
                RawCell raw = src.cells().get(e.getKey());
                if (raw != null && raw.formula() && raw.kind() == RawCell.Kind.BLANK) {
                    values.put(e.getKey(), sum(e.getValue().right(), values));
                }
            }
        }
    }

    private static boolean allUsable(List<String> keys, Map<String, Boolean> usable) {
        for (String k : keys) {
            if (!usable.getOrDefault(k, false)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal sum(List<String> keys, Map<String, BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (String k : keys) {
            BigDecimal v = values.get(k);
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
                    findings.add(new Finding(Rule.ID_REQUIRED.id(), Severity.ERROR, src.file(), cell, null, null, null,
                            "finding.idRequired", List.of(f.label())));
                }
                continue;
            }
            if (!valid(f, v)) {
                Rule rule = f == IdentityField.YEAR ? Rule.ID_REQUIRED : Rule.ID_FORMAT;
                findings.add(new Finding(rule.id(), rule.severity(), src.file(), cell, null, null, null,
                        "finding.idFormat", List.of(f.label(), v)));
            }
        }
    }

    static boolean valid(IdentityField f, String v) {
        return switch (f) {
            case CREDIT_CODE -> CreditCode.isValid18(v);
            case REGION_CODE -> RegionCode.isValid(v);
            case YEAR -> v.matches("(19|20)\\d{2}");
            case POSTCODE -> v.matches("\\d{6}");
            case EMAIL -> EmailValidator.getInstance().isValid(v);
            case PHONE -> v.matches("[0-9+（）()\\-－ 转]{7,30}");
            case WEBSITE -> UrlValidator.getInstance().isValid(v.matches("(?i)https?://.*") ? v : "http://" + v);
            default -> true;
        };
    }
}
