package io.xxgk.ingest;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.finding.Severity;
import io.xxgk.identity.Labels;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.CombinedRow;
import io.xxgk.schema.FormItem;
import io.xxgk.schema.Layout;
import io.xxgk.schema.TableForm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the official tables in grids by their labels, wherever they stand: the row of a value by
 * its row label, its column by the header above (checked against the headers above that), so
 * inserted rows, moved tables and extra title rows do not matter. When a label is missing or found
 * twice, or a row holds more numbers than the table has columns, it reports a finding and places
 * nothing: a number is never taken from a cell that is not unambiguously the one for its key.
 */
public final class TableLocator {

    /** The message of a table whose official labels are not found (also used by the line reader). */
    public static final String TABLE_MISSING = "finding.tableMissing";

    /** What the locator placed, and what it could not. */
    public record Located(Map<String, RawCell> cells, List<Finding> problems) {
    }

    private final Layout layout;
    private final String file;
    /** Rows whose label reaches into the value columns: none of their numbers is taken. */
    private final Set<Integer> shiftedRows = new HashSet<>();
    /** Misprinted labels read as official ones: one warning each. */
    private final List<Finding> nearlyFound = new ArrayList<>();

    public TableLocator(Layout layout, String file) {
        this.layout = layout;
        this.file = file;
    }

    /** Locates {@code keys} (a subset of the layout's) in the grids. */
    public Located locate(List<Grid> grids, Set<String> keys) {
        Map<String, RawCell> cells = new LinkedHashMap<>();
        List<Finding> problems = new ArrayList<>();
        for (TableForm form : layout.forms()) {
            List<FormItem.Slot> slots = form.slots().stream().filter(s -> keys.contains(s.key())).toList();
            if (slots.isEmpty()) {
                continue;
            }
            Grid grid = bestGrid(grids, form);
            if (grid == null) {
                problems.add(problem(null, null, TABLE_MISSING, form.title()));
                continue;
            }
            Map<String, Placement> placed = new LinkedHashMap<>();
            for (FormItem.Slot slot : slots) {
                CellDef def = layout.cell(slot.key()).orElseThrow();
                Object result = place(grid, form, slot, def);
                if (result instanceof Placement p) {
                    placed.put(def.key(), p);
                } else if (problems.stream().noneMatch(f -> sameProblem(f, (Finding) result))) {
                    // One finding for a missing row or column, not one for each of its cells.
                    problems.add((Finding) result);
                }
            }
            for (CombinedRow group : layout.combined()) {
                combined(grid, form, slots, group, placed, problems);
            }
            placed.values().removeIf(p -> shiftedRows.contains(p.row()));
            rowsBelowHeaders(placed);
            readValues(grid, placed, cells, problems);
        }
        problems.addAll(nearlyFound);
        return new Located(cells, problems);
    }

    /**
     * A report that prints a row group as one row (the 2019 （六）其他处理 in a 2021 table): when
     * none of the group's sub-rows is found but the group's own row is, with every column, its
     * values are placed under the group's keys and the sub-rows' "row not found" findings go.
     */
    private void combined(Grid grid, TableForm form, List<FormItem.Slot> slots, CombinedRow group,
                          Map<String, Placement> placed, List<Finding> problems) {
        Set<String> partKeys = group.partKeys();
        if (slots.stream().noneMatch(s -> partKeys.contains(s.key())) || placed.keySet().stream().anyMatch(partKeys::contains)) {
            return;
        }
        Map<String, Placement> found = new LinkedHashMap<>();
        for (CellDef def : group.cells()) {
            String first = group.partKey(def, group.parts().get(0));
            FormItem.Slot slot = slots.stream().filter(s -> s.key().equals(first)).findFirst().orElse(null);
            if (slot == null || !(place(grid, form, slot, def) instanceof Placement p)) {
                return;
            }
            found.put(def.key(), p);
        }
        placed.putAll(found);
        problems.removeIf(f -> partKeys.contains(f.key()));
    }

    /**
     * Where a key's value is: a row and a column span; {@code labelCol} is the row label's last
     * column (-1 without one). A table without row labels first records how far below its
     * header ({@code headerBottom}) the value stands ({@code offset}), with {@code row} = -1.
     */
    private record Placement(int row, int firstCol, int lastCol, int labelCol, int headerBottom, int offset) {
    }

    /** Places the values of a table without row labels below its lowest header row. */
    private static void rowsBelowHeaders(Map<String, Placement> placed) {
        int bottom = placed.values().stream().filter(p -> p.row() < 0).mapToInt(Placement::headerBottom).max().orElse(-1);
        placed.replaceAll((k, p) -> p.row() >= 0 ? p
                : new Placement(bottom + p.offset(), p.firstCol(), p.lastCol(), -1, p.headerBottom(), p.offset()));
    }

    /** The grid holding most of the table's labels, or null when none holds any. */
    private static Grid bestGrid(List<Grid> grids, TableForm form) {
        Grid best = null;
        int bestScore = 0;
        for (Grid g : grids) {
            Set<String> found = new HashSet<>();
            for (int[] rc : g.textCells()) {
                String text = g.at(rc[0], rc[1]).text();
                for (FormItem.Label l : form.labels()) {
                    if (Labels.matches(text, l.text())) {
                        found.add(l.text());
                    }
                }
            }
            if (found.size() > bestScore) {
                best = g;
                bestScore = found.size();
            }
        }
        // Two or three generic headers (总计, 其他) alone do not make a table.
        return bestScore >= 3 ? best : null;
    }

    /** A {@link Placement}, or a {@link Finding} saying why the key cannot be placed. */
    private Object place(Grid grid, TableForm form, FormItem.Slot slot, CellDef def) {
        boolean hasRowLabel = form.labels().stream().anyMatch(l -> l.role() == FormItem.Role.ROW
                && l.row() <= slot.row() && l.lastRow() >= slot.row() && l.lastCol() < slot.col());
        Integer labelRow = null;
        int labelCol = -1;
        List<int[]> rows = List.of();
        if (hasRowLabel) {
            rows = find(grid, def.rowLabel());
            if (rows.size() > 1 && def.rowPath().size() > 1) {
                rows = rows.stream().filter(rc -> hasLeft(grid, rc, def.rowPath().get(def.rowPath().size() - 2))).toList();
            }
            if (rows.isEmpty()) {
                rows = nearly(grid, form, def.rowLabel());
            }
            if (rows.isEmpty()) {
                return problem(def.key(), null, "finding.rowMissing", def.rowLabel(), form.title());
            }
            if (rows.size() > 1) {
                return problem(def.key(), null, "finding.rowAmbiguous", def.rowLabel(), rows.size());
            }
            labelRow = rows.get(0)[0];
            labelCol = grid.regionOf(rows.get(0)[0], rows.get(0)[1]).lastCol();
        }
        int[] header = header(grid, def, labelRow);
        if (header == null) {
            return problem(def.key(), null, "finding.columnMissing", def.colLabel(), def.displayLabel());
        }
        Grid.Merge span = grid.regionOf(header[0], header[1]);
        if (labelRow != null) {
            if (labelCol >= span.firstCol()) {
                // The row's label reaches into the value columns: its cells are shifted (a span
                // that covers more rows than it should). Which number is whose cannot be told.
                int[] at = rows.get(0);
                shiftedRows.add(labelRow);
                return problem(def.key(), grid.at(at[0], at[1]).location(), "finding.rowShifted", def.rowLabel());
            }
            return new Placement(labelRow, span.firstCol(), span.lastCol(), labelCol, -1, 0);
        }
        // No row label (table 四): the values stand below the table's lowest header row, as in the
        // form; the row is fixed once every header is found (see rowsBelowHeaders).
        int formHeaderBottom = form.labels().stream().filter(l -> l.role() == FormItem.Role.HEADER)
                .mapToInt(FormItem.Label::lastRow).max().orElseThrow();
        return new Placement(-1, span.firstCol(), span.lastCol(), -1, span.lastRow(), slot.row() - formHeaderBottom);
    }

    /** How close a printed row label must be to an official one to stand for it (a typo, a dropped character). */
    public static final double NEARLY = 0.7;

    /**
     * The one cell whose label is a misprint of {@code label} (same numbering, most characters in
     * order, closer to it than to any other row label of the table), or none. Reading it is said in
     * a warning that quotes both.
     */
    private List<int[]> nearly(Grid grid, TableForm form, String label) {
        List<String> others = form.labels().stream().filter(l -> l.role() == FormItem.Role.ROW)
                .map(FormItem.Label::text).filter(t -> !t.equals(label)).toList();
        List<int[]> found = new ArrayList<>();
        for (int[] rc : grid.textCells()) {
            String text = grid.at(rc[0], rc[1]).text();
            double like = Labels.likeness(text, label);
            if (like >= NEARLY && others.stream().allMatch(o -> !Labels.matches(text, o) && Labels.likeness(text, o) < like)) {
                found.add(rc);
            }
        }
        return onlyOne(grid, found, label);
    }

    /** The one misprinted label found, said once in a warning; none when there are several. */
    private List<int[]> onlyOne(Grid grid, List<int[]> found, String label) {
        if (found.size() != 1) {
            return List.of();
        }
        RawCell cell = grid.at(found.get(0)[0], found.get(0)[1]);
        Finding warn = Finding.of(Rule.READ_LABEL, file, cell.location(), null, null, null,
                "finding.labelNearly", List.of(cell.text(), label));
        if (nearlyFound.stream().noneMatch(f -> sameProblem(f, warn))) {
            nearlyFound.add(warn);
        }
        return found;
    }

    /** The header cell for the key's column, above {@code belowRow} when given, or null. */
    private int[] header(Grid grid, CellDef def, Integer belowRow) {
        List<int[]> candidates = find(grid, def.colLabel()).stream()
                .filter(rc -> belowRow == null || grid.regionOf(rc[0], rc[1]).lastRow() < belowRow)
                .toList();
        List<String> ancestors = def.colPath().subList(0, def.colPath().size() - 1);
        List<int[]> strict = candidates.stream().filter(rc -> underAll(grid, rc, ancestors)).toList();
        List<int[]> pool = strict.isEmpty() && candidates.size() == 1 && belowRow != null ? candidates : strict;
        if (pool.isEmpty()) {
            return null;
        }
        if (belowRow != null) {
            // The nearest header above the row label.
            return pool.stream().max(Comparator.comparingInt(rc -> rc[0])).orElseThrow();
        }
        return pool.size() == 1 ? pool.get(0) : null;
    }

    /**
     * True when every ancestor label stands above the cell: the nearest (its parent) with a span
     * covering the cell's column, each further one over most of the one below it. (PDFs drawn from
     * Word tables can put a top header's edge a column off from the edges of the headers under it.)
     */
    private boolean underAll(Grid grid, int[] rc, List<String> ancestors) {
        Grid.Merge below = grid.regionOf(rc[0], rc[1]);
        boolean parent = true;
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            Grid.Merge child = below;
            boolean strict = parent;
            Grid.Merge found = find(grid, ancestors.get(i)).stream()
                    .map(p -> impliedSpan(grid, p[0], p[1]))
                    .filter(m -> m.lastRow() < child.firstRow())
                    .filter(m -> strict ? m.firstCol() <= rc[1] && m.lastCol() >= rc[1] : mostlyOver(m, child))
                    .max(Comparator.comparingInt(Grid.Merge::lastRow)).orElse(null);
            if (found == null) {
                return false;
            }
            below = found;
            parent = false;
        }
        return true;
    }

    /** True when {@code upper} spans at least half the columns of {@code lower}. */
    private static boolean mostlyOver(Grid.Merge upper, Grid.Merge lower) {
        int shared = Math.min(upper.lastCol(), lower.lastCol()) - Math.max(upper.firstCol(), lower.firstCol()) + 1;
        return shared * 2 >= lower.lastCol() - lower.firstCol() + 1;
    }

    /**
     * The columns a header covers: its merged region, or for an unmerged header (tables typed
     * without merging) up to the next filled cell of its row.
     */
    static Grid.Merge impliedSpan(Grid grid, int r, int c) {
        Grid.Merge m = grid.regionOf(r, c);
        if (m.firstCol() != m.lastCol() || m.firstRow() != m.lastRow()) {
            return m;
        }
        Integer next = grid.row(r).higherKey(c);
        int last = next == null ? c + 30 : next - 1;
        return new Grid.Merge(r, r, c, last);
    }

    private boolean hasLeft(Grid grid, int[] rc, String label) {
        for (int c = rc[1] - 1; c >= 0; c--) {
            Grid.Merge m = grid.regionOf(rc[0], c);
            RawCell cell = grid.at(m.firstRow(), m.firstCol());
            if (cell != null && cell.kind() == RawCell.Kind.TEXT && Labels.matches(cell.text(), label)) {
                return true;
            }
        }
        return false;
    }

    /** Where each label was found in each grid: the same labels are looked up for every cell of a row. */
    private final Map<Grid, Map<String, List<int[]>>> found = new IdentityHashMap<>();

    private List<int[]> find(Grid grid, String label) {
        return found.computeIfAbsent(grid, g -> new HashMap<>()).computeIfAbsent(label, l -> search(grid, l));
    }

    private List<int[]> search(Grid grid, String label) {
        List<int[]> out = new ArrayList<>();
        for (int[] rc : grid.textCells()) {
            if (Labels.matches(grid.at(rc[0], rc[1]).text(), label)) {
                out.add(rc);
            }
        }
        return out.isEmpty() ? misprinted(grid, label) : out;
    }

    /**
     * A column header printed with a typo (行政法复议 for 行政复议): the one cell of that length or
     * so sharing most of its characters in order, closer to it than to any other label of the layout,
     * said once in a warning. Short headers (总计, 其他) are never matched loosely.
     */
    private List<int[]> misprinted(Grid grid, String label) {
        String want = Labels.normalize(label);
        if (want.length() < 4 || !Labels.withoutNumbering(want).equals(want)) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        for (int[] rc : grid.textCells()) {
            String text = grid.at(rc[0], rc[1]).text();
            String have = Labels.normalize(text);
            if (Math.abs(have.length() - want.length()) > 2) {
                continue;
            }
            double like = Labels.similarity(have, want);
            if (like >= 0.75 && allLabels().stream().filter(l -> !l.equals(want))
                    .allMatch(l -> !have.equals(l) && Labels.similarity(have, l) < like)) {
                out.add(rc);
            }
        }
        return onlyOne(grid, out, label);
    }

    private List<String> allLabelsCache;

    /** Every label of the layout's forms, normalised. */
    private List<String> allLabels() {
        if (allLabelsCache == null) {
            allLabelsCache = layout.forms().stream().flatMap(f -> f.labels().stream())
                    .map(l -> Labels.normalize(l.text())).distinct().toList();
        }
        return allLabelsCache;
    }


    /** Takes the one value in each placement's span; reports empty spans' blanks and surplus numbers. */
    private void readValues(Grid grid, Map<String, Placement> placed, Map<String, RawCell> cells, List<Finding> problems) {
        Map<Integer, Set<Integer>> used = new LinkedHashMap<>();
        Map<Integer, Integer> rowStart = new LinkedHashMap<>();
        for (Map.Entry<String, Placement> e : placed.entrySet()) {
            Placement p = e.getValue();
            int start = p.labelCol() >= 0 ? p.labelCol() + 1 : p.firstCol();
            rowStart.merge(p.row(), start, Math::min);
            List<Integer> filled = new ArrayList<>();
            for (int c = p.firstCol(); c <= p.lastCol(); c++) {
                RawCell cell = grid.at(p.row(), c);
                if (cell != null && cell.kind() != RawCell.Kind.BLANK) {
                    filled.add(c);
                }
                used.computeIfAbsent(p.row(), r -> new HashSet<>()).add(c);
            }
            if (filled.size() > 1) {
                problems.add(problem(e.getKey(), grid.at(p.row(), filled.get(0)).location(), "finding.spanAmbiguous",
                        filled.size()));
            } else if (filled.size() == 1) {
                cells.put(e.getKey(), grid.at(p.row(), filled.get(0)));
            } else {
                String[] where = grid.locationParts(p.row(), p.firstCol());
                cells.put(e.getKey(), new RawCell(RawCell.Kind.BLANK, null, null, false, where[0], where[1]));
            }
        }
        // Any other number in a row the table uses, right of its label, is one number too many; but
        // not past an empty column right of the table (a panel beside it, like our template's live checks).
        int tableLast = placed.values().stream().mapToInt(Placement::lastCol).max().orElse(-1);
        for (Map.Entry<Integer, Set<Integer>> e : used.entrySet()) {
            int end = tableLast;
            while (grid.at(e.getKey(), end + 1) != null) {
                end++;
            }
            for (Map.Entry<Integer, RawCell> c : grid.row(e.getKey()).entrySet()) {
                boolean inside = c.getKey() >= rowStart.get(e.getKey()) && c.getKey() <= end;
                if (inside && !e.getValue().contains(c.getKey()) && c.getValue().kind() == RawCell.Kind.NUMBER) {
                    problems.add(problem(null, c.getValue().location(), "finding.surplus", c.getValue().number().toPlainString()));
                }
            }
        }
    }

    private static boolean sameProblem(Finding a, Finding b) {
        return a.messageKey().equals(b.messageKey()) && a.args().equals(b.args());
    }

    private Finding problem(String key, String cell, String messageKey, Object... args) {
        return Finding.of(Rule.READ, file, cell, key, null, null, messageKey, List.of(args));
    }
}
