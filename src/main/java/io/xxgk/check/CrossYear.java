package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.schema.CarryDef;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.StockDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-year checks of FORMAT.md between this year's report and last year's of the same agency:
 * Y-CARRY (this year's 上年结转 = last year's 结转下年度, per column), Y-STOCK (现行有效 rolls forward),
 * Y-YEAR (the years must be consecutive) and Y-NONE (no report of last year to compare with).
 */
public final class CrossYear {

    private CrossYear() {
    }

    public static List<Finding> compare(Layout layout, CheckResult now, CheckResult last) {
        List<Finding> out = new ArrayList<>();
        String lastFile = last.file();
        if (last.unreadable()) {
            out.add(finding(Rule.Y_YEAR, now, null, null, null, null, "finding.yUnreadable", lastFile));
            return out;
        }
        String y = now.identity().get(IdentityField.YEAR).orElse(null);
        String ly = last.identity().get(IdentityField.YEAR).orElse(null);
        if (y == null || ly == null || !y.matches("\\d{4}") || !ly.matches("\\d{4}")
                || Integer.parseInt(ly) != Integer.parseInt(y) - 1) {
            out.add(finding(Rule.Y_YEAR, now, null, null, null, null, "finding.yYear", lastFile,
                    ly == null ? "?" : ly, y == null ? "?" : y));
            return out;
        }
        List<Finding> carries = new ArrayList<>();
        for (CarryDef c : layout.carries()) {
            if (!placed(now, c.thisYear()) || !placed(last, c.lastYear())) {
                continue;
            }
            BigDecimal thisYear = value(now, c.thisYear());
            BigDecimal lastYear = value(last, c.lastYear());
            if (thisYear.compareTo(lastYear) != 0) {
                CellDef def = layout.cell(c.thisYear()).orElseThrow();
                carries.add(finding(Rule.Y_CARRY, now, c.thisYear(), now.location(c.thisYear()), lastYear, thisYear,
                        "finding.yCarry", def.colLabel(), thisYear.toPlainString(), lastFile,
                        last.location(c.lastYear()), lastYear.toPlainString(),
                        thisYear.subtract(lastYear).toPlainString()));
            }
        }
        out.addAll(Echoes.without(carries, f -> layout.isFormula(f.key())));
        for (StockDef s : layout.stocks()) {
            if (!placed(now, s.inForce()) || !placed(now, s.issued()) || !placed(now, s.repealed())
                    || !placed(last, s.inForce())) {
                continue;
            }
            BigDecimal expected = value(last, s.inForce()).add(value(now, s.issued())).subtract(value(now, s.repealed()));
            BigDecimal actual = value(now, s.inForce());
            if (expected.compareTo(actual) != 0) {
                CellDef def = layout.cell(s.inForce()).orElseThrow();
                out.add(finding(Rule.Y_STOCK, now, s.inForce(), now.location(s.inForce()), expected, actual,
                        "finding.yStock", def.rowLabel(), actual.toPlainString(), value(last, s.inForce()).toPlainString(),
                        lastFile, value(now, s.issued()).toPlainString(), value(now, s.repealed()).toPlainString(),
                        expected.toPlainString(), actual.subtract(expected).toPlainString()));
            }
        }
        return out;
    }

    /** The one informational finding for a report with no report of last year to compare with. */
    public static Finding none(CheckResult now) {
        return finding(Rule.Y_NONE, now, null, null, null, null, "finding.yNone",
                now.identity().get(IdentityField.NAME).orElse(""));
    }

    private static boolean placed(CheckResult r, String key) {
        return r.cells().containsKey(key) && r.findings().stream()
                .noneMatch(f -> key.equals(f.key()) && f.rule().equals("VAL-NUM"));
    }

    private static BigDecimal value(CheckResult r, String key) {
        BigDecimal v = r.values().get(key);
        return v == null ? BigDecimal.ZERO : v;
    }

    private static Finding finding(Rule rule, CheckResult now, String key, String cell, BigDecimal expected,
                                   BigDecimal actual, String messageKey, Object... args) {
        return Finding.of(rule, now.file(), cell, key, expected, actual, messageKey, List.of(args));
    }
}
