package io.xxgk.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet (or page) of an input as a grid of raw cells with their locations, plus merged
 * regions. Every reader produces grids; the locator finds the tables in them by their labels, so
 * format quirks stay inside the readers.
 */
public final class Grid {

    /** A merged region, inclusive bounds. */
    public record Merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        public boolean contains(int r, int c) {
            return r >= firstRow && r <= lastRow && c >= firstCol && c <= lastCol;
        }
    }

    private final String name;
    private final TreeMap<Integer, TreeMap<Integer, RawCell>> rows = new TreeMap<>();
    private final List<Merge> merges = new ArrayList<>();
    private BiFunction<Integer, Integer, String> where;

    public Grid(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * How a position is named in findings when this grid is not a sheet (a PDF page's table): by
     * default the sheet's A1 address.
     */
    public void locatedBy(BiFunction<Integer, Integer, String> names) {
        this.where = names;
    }

    /** The location of (row, col) as {@link RawCell#location()} gives it. */
    public String location(int row, int col) {
        return where != null ? where.apply(row, col)
                : name + "!" + new CellReference(row, col).formatAsString();
    }

    /** The sheet part and the cell part of {@link #location(int, int)}. */
    public String[] locationParts(int row, int col) {
        String l = location(row, col);
        int bang = l.indexOf('!');
        return bang < 0 ? new String[] {name, l} : new String[] {l.substring(0, bang), l.substring(bang + 1)};
    }

    public void put(int row, int col, RawCell cell) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(col, cell);
    }

    public void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(new Merge(firstRow, lastRow, firstCol, lastCol));
    }

    /** The raw cell at (row, col), or null when nothing is there. */
    public RawCell at(int row, int col) {
        Map<Integer, RawCell> r = rows.get(row);
        return r == null ? null : r.get(col);
    }

    /** The merged region containing (row, col), or a one-cell region. */
    public Merge regionOf(int row, int col) {
        for (Merge m : merges) {
            if (m.contains(row, col)) {
                return m;
            }
        }
        return new Merge(row, row, col, col);
    }

    /** The non-empty cells of a row by column, in order. */
    public NavigableMap<Integer, RawCell> row(int row) {
        TreeMap<Integer, RawCell> r = rows.get(row);
        return r == null ? new TreeMap<>() : Collections.unmodifiableNavigableMap(r);
    }

    /** The last row holding a cell, or -1 for an empty grid. */
    public int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    /** Text of every text cell, with its position; used to find labels. */
    public List<int[]> textCells() {
        List<int[]> out = new ArrayList<>();
        rows.forEach((r, cols) -> cols.forEach((c, cell) -> {
            if (cell.kind() == RawCell.Kind.TEXT) {
                out.add(new int[] {r, c});
            }
        }));
        return out;
    }
}
