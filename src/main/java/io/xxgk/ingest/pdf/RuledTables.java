package io.xxgk.ingest.pdf;

import io.xxgk.ingest.pdf.PdfPage.Glyph;
import io.xxgk.ingest.pdf.PdfPage.Segment;
import io.xxgk.util.UnionFind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the ruled tables on a page (tabula's "lattice" idea): lines that cross each other form a
 * table; the distinct x of its vertical lines and y of its horizontal lines cut it into a grid of
 * elementary cells; two neighbouring cells with no line between them belong to one merged cell. Each
 * glyph then belongs to the cell its centre lies in, whatever order the PDF drew it in (row by row,
 * column by column, cell by cell).
 */
final class RuledTables {

    /** Lines this close are one (a border drawn twice, or as a thin rectangle's edges). */
    private static final float TOL = 2f;
    /** Crossing tests beyond this many pairs: no table of an annual report has that many lines. */
    private static final long MAX_PAIRS = 4_000_000L;
    /** Cells of one ruled table beyond which it is no table of a report. */
    static final long MAX_CELLS = 10_000L;

    /** A cell of a table: its elementary rows and columns (inclusive) and the glyphs inside it. */
    record Region(int firstRow, int lastRow, int firstCol, int lastCol, List<Glyph> glyphs) {
    }

    /** A table on a page: its column and row edges, and its cells top to bottom, left to right. */
    record Table(int page, float[] xs, float[] ys, List<Region> regions) {

        float top() {
            return ys[0];
        }
    }

    private RuledTables() {
    }

    /** The tables of a page; glyphs placed in them are removed from {@code free}. */
    static List<Table> find(PdfPage page, List<Glyph> free) {
        List<Segment> h = page.rulings().stream().filter(Segment::horizontal).toList();
        List<Segment> v = page.rulings().stream().filter(s -> !s.horizontal()).toList();
        if (h.size() < 2 || v.size() < 2 || (long) h.size() * v.size() > MAX_PAIRS) {
            return List.of();
        }
        UnionFind parent = new UnionFind(h.size() + v.size());
        for (int i = 0; i < h.size(); i++) {
            for (int j = 0; j < v.size(); j++) {
                if (h.get(i).crosses(v.get(j), TOL)) {
                    parent.union(i, h.size() + j);
                }
            }
        }
        Map<Integer, List<Segment>> hs = new LinkedHashMap<>();
        Map<Integer, List<Segment>> vs = new LinkedHashMap<>();
        for (int i = 0; i < h.size(); i++) {
            hs.computeIfAbsent(parent.root(i), k -> new ArrayList<>()).add(h.get(i));
        }
        for (int j = 0; j < v.size(); j++) {
            vs.computeIfAbsent(parent.root(h.size() + j), k -> new ArrayList<>()).add(v.get(j));
        }
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<Integer, List<Segment>> e : hs.entrySet()) {
            List<Segment> th = e.getValue();
            List<Segment> tv = vs.getOrDefault(e.getKey(), List.of());
            if (th.size() >= 2 && tv.size() >= 2) {
                Table t = table(page.number(), th, tv, free);
                if (t != null) {
                    tables.add(t);
                }
            }
        }
        tables.sort(Comparator.comparingDouble(Table::top));
        return tables;
    }

    private static Table table(int page, List<Segment> h, List<Segment> v, List<Glyph> free) {
        List<Float> xAt = new ArrayList<>(v.stream().map(Segment::at).toList());
        List<Float> yAt = new ArrayList<>(h.stream().map(Segment::at).toList());
        // A table drawn without side borders (or without top and bottom): its lines' ends are its edges.
        xAt.add((float) h.stream().mapToDouble(Segment::from).min().orElseThrow());
        xAt.add((float) h.stream().mapToDouble(Segment::to).max().orElseThrow());
        yAt.add((float) v.stream().mapToDouble(Segment::from).min().orElseThrow());
        yAt.add((float) v.stream().mapToDouble(Segment::to).max().orElseThrow());
        float[] xs = cluster(xAt);
        float[] ys = cluster(yAt);
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        // The official tables have a few hundred cells; a grid of far more is no table to read (a page of a
        // 1000 × 1000 grid took half a minute here): its glyphs are read as text.
        if (rows < 1 || cols < 1 || (long) rows * cols > MAX_CELLS || xs[cols] - xs[0] < 20 || ys[rows] - ys[0] < 8) {
            return null;
        }
        UnionFind parent = new UnionFind(rows * cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (c + 1 < cols && !covered(v, xs[c + 1], ys[r], ys[r + 1])) {
                    parent.union(r * cols + c, r * cols + c + 1);
                }
                if (r + 1 < rows && !covered(h, ys[r + 1], xs[c], xs[c + 1])) {
                    parent.union(r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        Map<Integer, int[]> bounds = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int root = parent.root(r * cols + c);
                int[] b = bounds.computeIfAbsent(root, k -> new int[] {Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1});
                b[0] = Math.min(b[0], r);
                b[1] = Math.max(b[1], r);
                b[2] = Math.min(b[2], c);
                b[3] = Math.max(b[3], c);
            }
        }
        Map<Integer, List<Glyph>> inside = new LinkedHashMap<>();
        // Each glyph goes to the cell its centre is in; a glyph past the table's edge that continues a
        // word or number begun inside (its last digits drawn over the border) goes with that word.
        List<Glyph> taken = new ArrayList<>();
        for (List<Glyph> word : words(free)) {
            Integer region = null;
            for (Glyph g : word) {
                int c = index(xs, g.centerX());
                int r = index(ys, g.centerY());
                if (c >= 0 && r >= 0) {
                    region = parent.root(r * cols + c);
                } else if (region == null) {
                    continue;
                }
                inside.computeIfAbsent(region, k -> new ArrayList<>()).add(g);
                taken.add(g);
            }
        }
        Set<Glyph> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(taken);
        free.removeIf(placed::contains);
        List<Region> regions = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : bounds.entrySet()) {
            int[] b = e.getValue();
            regions.add(new Region(b[0], b[1], b[2], b[3], inside.getOrDefault(e.getKey(), List.of())));
        }
        regions.sort(Comparator.comparingInt(Region::firstRow).thenComparingInt(Region::firstCol));
        return new Table(page, xs, ys, regions);
    }

    /** Glyphs drawn one after another touching on one baseline: one word or number each. */
    private static List<List<Glyph>> words(List<Glyph> glyphs) {
        List<List<Glyph>> out = new ArrayList<>();
        List<Glyph> cur = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (!cur.isEmpty()) {
                Glyph p = cur.get(cur.size() - 1);
                float size = Math.max(p.size(), g.size());
                boolean touching = Math.abs(g.baseline() - p.baseline()) <= 0.2f * size
                        && g.x() >= p.right() - 0.3f * size && g.x() <= p.right() + 0.3f * size;
                if (!touching) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
            }
            cur.add(g);
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** The elementary row or column {@code at} falls in, or -1 outside the edges. */
    private static int index(float[] edges, float at) {
        if (at < edges[0] - 0.5f || at > edges[edges.length - 1] + 0.5f) {
            return -1;
        }
        for (int i = 1; i < edges.length; i++) {
            if (at <= edges[i]) {
                return i - 1;
            }
        }
        return edges.length - 2;
    }

    /** True when lines at {@code at} cover the span between {@code from} and {@code to} (ends excepted). */
    private static boolean covered(List<Segment> lines, float at, float from, float to) {
        float margin = Math.min(TOL, (to - from) / 4);
        float a = from + margin;
        float b = to - margin;
        List<Segment> here = lines.stream().filter(s -> Math.abs(s.at() - at) <= TOL)
                .sorted(Comparator.comparingDouble(Segment::from)).toList();
        float reached = a;
        for (Segment s : here) {
            if (s.from() > reached + TOL) {
                break;
            }
            reached = Math.max(reached, s.to());
            if (reached >= b) {
                return true;
            }
        }
        return reached >= b;
    }

    /** Distinct positions: values within {@link #TOL} of the previous one are one edge (their mean). */
    static float[] cluster(List<Float> values) {
        List<Float> sorted = new ArrayList<>(values);
        sorted.sort(Float::compare);
        List<Float> out = new ArrayList<>();
        float sum = 0;
        int n = 0;
        float last = Float.NaN;
        for (float f : sorted) {
            if (n > 0 && f - last > TOL) {
                out.add(sum / n);
                sum = 0;
                n = 0;
            }
            sum += f;
            n++;
            last = f;
        }
        if (n > 0) {
            out.add(sum / n);
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }
}
