package io.xxgk.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the official tables (e.g. the 2021 layout of 国办公开办函〔2021〕30号) as data: its
 * cells with keys and labels, the arithmetic relations between them, and the printed form. Readers,
 * rules, merger and writers work from this object only, so a new layout is a new definition.
 */
public final class Layout {

    private final String id;
    private final String document;
    private final Map<String, CellDef> cells;
    private final List<CellDef> cellList;
    private final Map<String, Integer> indexes;
    private final List<SumDef> relations;
    private final Map<String, SumDef> formulas;
    private final List<TableForm> forms;
    private final List<Double> columnWidths;

    private List<CarryDef> carries = List.of();
    private List<StockDef> stocks = List.of();
    private List<CombinedRow> combined = List.of();
    /** The report years this layout is the official one for: from {@code firstYear} to {@code lastYear} (0: open-ended). */
    private int firstYear;
    private int lastYear;

    Layout(String id, String document, List<CellDef> cells, List<SumDef> relations,
           List<TableForm> forms, List<Double> columnWidths) {
        this.id = id;
        this.document = document;
        Map<String, CellDef> byKey = new LinkedHashMap<>();
        for (CellDef c : cells) {
            if (byKey.put(c.key(), c) != null) {
                throw new IllegalArgumentException("duplicate cell key " + c.key());
            }
        }
        this.cells = Collections.unmodifiableMap(byKey);
        this.cellList = List.copyOf(byKey.values());
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < cellList.size(); i++) {
            idx.put(cellList.get(i).key(), i);
        }
        this.indexes = Collections.unmodifiableMap(idx);
        this.relations = List.copyOf(relations);
        Map<String, SumDef> totals = new LinkedHashMap<>();
        for (SumDef r : relations) {
            for (String k : r.left()) {
                requireKey(k);
            }
            for (String k : r.right()) {
                requireKey(k);
            }
            if (r.isTotal()) {
                totals.putIfAbsent(r.anchor(), r);
            }
        }
        this.formulas = Collections.unmodifiableMap(totals);
        this.forms = List.copyOf(forms);
        this.columnWidths = List.copyOf(columnWidths);
        checkFormsCoverEveryCell();
    }

    private void requireKey(String key) {
        if (!cells.containsKey(key)) {
            throw new IllegalArgumentException("relation names unknown key " + key);
        }
    }

    private void checkFormsCoverEveryCell() {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (TableForm f : forms) {
            for (FormItem.Slot s : f.slots()) {
                requireKey(s.key());
                seen.merge(s.key(), 1, Integer::sum);
            }
        }
        for (String k : cells.keySet()) {
            if (seen.getOrDefault(k, 0) != 1) {
                throw new IllegalArgumentException("key " + k + " must have exactly one slot in the form");
            }
        }
    }

    /** The layout's name, e.g. {@code 2021}. */
    public String id() {
        return id;
    }

    /** The document that fixes this layout, e.g. 国办公开办函〔2021〕30号. */
    public String document() {
        return document;
    }

    /** All cells in the official reading order. */
    public List<CellDef> cells() {
        return cellList;
    }

    /** The position of a key in {@link #cells()}, or -1. */
    public int indexOf(String key) {
        return indexes.getOrDefault(key, -1);
    }

    public Optional<CellDef> cell(String key) {
        return Optional.ofNullable(cells.get(key));
    }

    public boolean hasKey(String key) {
        return cells.containsKey(key);
    }

    /** Every relation that must hold (sums and balances), each tagged with its rule id. */
    public List<SumDef> relations() {
        return relations;
    }

    /** Cells that are totals of other cells (written as formulas), with the relation defining each. */
    public Map<String, SumDef> formulas() {
        return formulas;
    }

    public boolean isFormula(String key) {
        return formulas.containsKey(key);
    }

    /** Sets the cross-year relations (checked against last year's report). */
    Layout withCrossYear(List<CarryDef> carryDefs, List<StockDef> stockDefs) {
        for (CarryDef c : carryDefs) {
            requireKey(c.thisYear());
            requireKey(c.lastYear());
        }
        for (StockDef st : stockDefs) {
            requireKey(st.inForce());
            requireKey(st.issued());
            requireKey(st.repealed());
        }
        this.carries = List.copyOf(carryDefs);
        this.stocks = List.copyOf(stockDefs);
        return this;
    }

    /** Values carried over from last year's report (Y-CARRY). */
    /** Labels only this layout has (normalised): a report showing them is of this layout. */
    private List<String> markers = List.of();

    /** Labels only this layout has, by which a report of it is told from the others'. */
    Layout withMarkers(List<String> labels) {
        this.markers = List.copyOf(labels);
        return this;
    }

    public List<String> markers() {
        return markers;
    }

    /** The report years this layout is official for ({@code last} 0: every year since {@code first}). */
    Layout forYears(int first, int last) {
        this.firstYear = first;
        this.lastYear = last;
        return this;
    }

    /** True when a report of {@code year} is to use this layout (an unknown year: nothing is said). */
    public boolean officialFor(int year) {
        return year >= firstYear && (lastYear == 0 || year <= lastYear);
    }

    Layout withCombined(List<CombinedRow> rows) {
        this.combined = List.copyOf(rows);
        return this;
    }

    /** Row groups a report may print as one row (see {@link CombinedRow}). */
    public List<CombinedRow> combined() {
        return combined;
    }

    public List<CarryDef> carries() {
        return carries;
    }

    /** Stocks that roll forward from last year (Y-STOCK). */
    public List<StockDef> stocks() {
        return stocks;
    }

    /** The keys of last year's report that this year's is compared with (carried out, stocks in force). */
    public Set<String> lastYearKeys() {
        Set<String> keys = new LinkedHashSet<>();
        carries.forEach(c -> keys.add(c.lastYear()));
        stocks.forEach(st -> keys.add(st.inForce()));
        // The figures of a merge's analysis, year on year: totals of table 三, tables 二 and 四 (not the
        // columns by kind of applicant, two thirds of the cells).
        for (String k : cells.keySet()) {
            if (k.startsWith("active.") || k.startsWith("appeals.") || k.startsWith("requests.") && k.endsWith(".total")) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** The printed forms of the tables, in order. */
    public List<TableForm> forms() {
        return forms;
    }

    /** Widths of the shared column grid, in characters. */
    public List<Double> columnWidths() {
        return columnWidths;
    }

    @Override
    public String toString() {
        return id;
    }
}
