package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.ingest.OpenRow;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import io.xxgk.schema.StockDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Last year's report as evidence for a published report's rows left open (digits run together that
 * the tables and the narrative cannot cut, issue 24): where the agency's 现行有效 of last year is known,
 * 本年现行有效 = 上年现行有效 + 本年制发 − 本年废止 (FORMAT.md's Y-STOCK) is one more relation. A row is
 * decided only when exactly one of its ways agrees with it, said in a warning naming last year's file
 * and figure (the relation may not hold where documents were cleaned up: the reader is asked to check);
 * otherwise it stays open as read.
 */
public final class LastYearEvidence {

    private LastYearEvidence() {
    }

    /** What {@code lastYear}'s reports decide of a report's open rows (none given: nothing). */
    public static UnaryOperator<SourceReport> from(PreviousYear lastYear) {
        return src -> lastYear == null || src.open().isEmpty() ? src : apply(src, lastYear.find(src.identity()));
    }

    /** {@code src} with its open rows that last year's report decides filled in. */
    private static SourceReport apply(SourceReport src, CheckResult last) {
        if (src.open().isEmpty() || last == null || last.unreadable() || src.layout() == null) {
            return src;
        }
        Layout layout = src.layout();
        Map<String, RawCell> cells = new LinkedHashMap<>(src.cells());
        List<Finding> problems = new ArrayList<>(src.problems());
        List<OpenRow> still = new ArrayList<>();
        for (OpenRow row : src.open()) {
            StockDef[] stock = new StockDef[1];
            BigDecimal[] only = only(layout, row, cells, last, stock);
            if (only == null) {
                still.add(row);
                continue;
            }
            for (int k = 0; k < row.keys().size(); k++) {
                cells.put(row.keys().get(k), new RawCell(RawCell.Kind.NUMBER, only[k], null, false, row.sheet(), row.a1()));
            }
            problems.remove(row.unread());
            if (row.partly() != null) {
                problems.remove(row.partly());
            }
            String first = row.keys().get(0);
            String label = layout.cell(first).map(CellDef::rowLabel).orElse(first);
            problems.add(Finding.of(Rule.READ_SPLIT, src.file(), row.sheet() + "!" + row.a1(), first, null, null,
                    "finding.gluedByLastYear", List.of(label, row.text(), last.file(),
                            last.values().get(stock[0].inForce()).toPlainString(),
                            Arrays.stream(only).map(BigDecimal::toPlainString).collect(Collectors.joining(" | ")))));
        }
        if (still.size() == src.open().size()) {
            return src;
        }
        return src.decided(cells, problems, still);
    }

    /**
     * The one way of {@code row} that agrees with the roll-forward of 现行有效 its cells take part in (one
     * only: the row of 规章 or of 行政规范性文件), or null; {@code used} gets that roll-forward.
     */
    private static BigDecimal[] only(Layout layout, OpenRow row, Map<String, RawCell> cells, CheckResult last,
                                     StockDef[] used) {
        List<StockDef> stocks = new ArrayList<>();
        for (StockDef s : layout.stocks()) {
            boolean touched = row.keys().contains(s.inForce()) || row.keys().contains(s.issued())
                    || row.keys().contains(s.repealed());
            if (touched && last.values().get(s.inForce()) != null && last.cells().containsKey(s.inForce())) {
                stocks.add(s);
            }
        }
        if (stocks.size() != 1) {
            return null;
        }
        BigDecimal[] found = null;
        Map<String, BigDecimal> read = RawCell.numbers(cells);
        for (BigDecimal[] way : row.ways()) {
            Map<String, BigDecimal> v = new HashMap<>(read);
            for (int k = 0; k < way.length; k++) {
                v.put(row.keys().get(k), way[k]);
            }
            boolean agrees = true;
            for (StockDef s : stocks) {
                BigDecimal now = v.get(s.inForce());
                BigDecimal issued = v.get(s.issued());
                BigDecimal repealed = v.get(s.repealed());
                if (now == null || issued == null || repealed == null
                        || last.values().get(s.inForce()).add(issued).subtract(repealed).compareTo(now) != 0) {
                    agrees = false;
                    break;
                }
            }
            if (agrees) {
                if (found != null) {
                    return null;
                }
                found = way;
            }
        }
        used[0] = stocks.get(0);
        return found;
    }
}
