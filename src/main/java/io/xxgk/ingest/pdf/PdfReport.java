package io.xxgk.ingest.pdf;

import io.xxgk.ingest.Grid;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.pdf.PdfPage.Glyph;
import io.xxgk.ingest.text.Tokenizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF report as its pages show it: the ruled tables of all pages as one {@link Grid} (a table that
 * continues on the next page continues in the grid; columns at the same x share a grid column), the
 * text outside them as lines, and the whole text as lines for PDFs whose tables have no rulings.
 *
 * @param grid      the ruled tables, or null when the PDF has none
 * @param narrative the lines outside the tables, pages separated by form feeds
 * @param text      every line of every page (tables included), pages separated by form feeds
 * @param glyphs    how many glyphs the text layer holds (0: a scan, or pictures of text)
 */
public record PdfReport(Grid grid, String narrative, String text, int glyphs) {

    /** The grid's sheet name: the locations of its cells name their page. */
    public static final String SHEET = "PDF";

    public static PdfReport of(PDDocument doc) throws IOException {
        List<PdfPage> pages = PdfPages.read(doc);
        List<RuledTables.Table> tables = new ArrayList<>();
        List<String> narrative = new ArrayList<>();
        List<String> all = new ArrayList<>();
        int glyphs = 0;
        for (PdfPage page : pages) {
            glyphs += page.glyphs().size();
            List<Glyph> free = new ArrayList<>(page.glyphs());
            tables.addAll(RuledTables.find(page, free));
            narrative.add(text(free));
            all.add(text(page.glyphs()));
        }
        return new PdfReport(tables.isEmpty() ? null : grid(tables), String.join("\f", narrative),
                String.join("\f", all), glyphs);
    }

    private static String text(List<Glyph> glyphs) {
        StringBuilder sb = new StringBuilder();
        for (TextRuns.Line l : TextRuns.lines(glyphs)) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The tables stacked one under another with an empty row between, their columns mapped onto
     * the columns of all tables together, so one table's continuation on the next page (drawn at the
     * same x) lines up with its start, and a cell spanning several columns is a merged region.
     */
    private static Grid grid(List<RuledTables.Table> tables) {
        List<Float> edges = new ArrayList<>();
        for (RuledTables.Table t : tables) {
            for (float x : t.xs()) {
                edges.add(x);
            }
        }
        float[] cols = RuledTables.cluster(edges);
        Grid grid = new Grid(SHEET);
        Map<Long, String> where = new HashMap<>();
        int base = 0;
        int number = 0;
        RuledTables.Table previous = null;
        int previousBase = 0;
        for (RuledTables.Table t : tables) {
            number++;
            Set<RuledTables.Region> continued = previous != null && previous.page() + 1 == t.page()
                    ? continuations(previous, previousBase, t, cols, grid) : Set.of();
            for (RuledTables.Region r : t.regions()) {
                int row1 = base + r.firstRow();
                int row2 = base + r.lastRow();
                int col1 = nearest(cols, t.xs()[r.firstCol()]);
                int col2 = Math.max(col1, nearest(cols, t.xs()[r.lastCol() + 1]) - 1);
                String a1 = "表格" + number + "第" + (r.firstRow() + 1) + "行第" + (r.firstCol() + 1) + "列";
                String sheet = "第" + t.page() + "页";
                for (int row = row1; row <= row2; row++) {
                    for (int col = col1; col <= col2; col++) {
                        where.put(key(row, col), sheet + "!" + a1);
                    }
                }
                if (row1 != row2 || col1 != col2) {
                    grid.merge(row1, row2, col1, col2);
                }
                String text = TextRuns.cellText(r.glyphs()).strip();
                if (!text.isEmpty() && !continued.contains(r)) {
                    grid.put(row1, col1, cell(text, sheet, a1));
                }
            }
            previous = t;
            previousBase = base;
            base += t.ys().length;
        }
        grid.locatedBy((row, col) -> where.getOrDefault(key(row, col), SHEET + "!" + (row + 1) + ":" + (col + 1)));
        return grid;
    }

    /**
     * The cells of a table's first row on a new page that are the rest of a cell the previous
     * page's table ended with (a cell's text broken by the page: 社会公益 / 组织, 自然 / 人, （五）不予 /
     * 处理): a short text, no number, in exactly the columns of a text cell of that last row, to which
     * it is appended. Other cells of the row (sub-headers under a wider cell, a repeated header) stay.
     */
    private static Set<RuledTables.Region> continuations(RuledTables.Table before, int beforeBase,
                                                                 RuledTables.Table t, float[] cols, Grid grid) {
        int lastRow = beforeBase + before.ys().length - 2;
        Set<RuledTables.Region> out = new HashSet<>();
        Set<Integer> used = new HashSet<>();
        for (RuledTables.Region r : t.regions()) {
            if (r.firstRow() != 0 || r.glyphs().isEmpty()) {
                continue;
            }
            String text = TextRuns.cellText(r.glyphs()).strip();
            int col = nearest(cols, t.xs()[r.firstCol()]);
            int lastCol = Math.max(col, nearest(cols, t.xs()[r.lastCol() + 1]) - 1);
            Grid.Merge above = grid.regionOf(lastRow, col);
            RawCell cell = grid.at(above.firstRow(), above.firstCol());
            int key = above.firstRow() * 10_000 + above.firstCol();
            if (text.length() > MAX_PIECE || Tokenizer.number(text) != null || cell == null
                    || cell.kind() != RawCell.Kind.TEXT || above.lastRow() != lastRow || above.firstCol() != col
                    || above.lastCol() != lastCol || !used.add(key)) {
                continue;
            }
            grid.put(above.firstRow(), above.firstCol(),
                    new RawCell(RawCell.Kind.TEXT, null, cell.text() + text, false, cell.sheet(), cell.a1()));
            out.add(r);
        }
        return out;
    }

    /** The longest rest of a cell a page break leaves (a repeated header's note is longer). */
    private static final int MAX_PIECE = 10;

    private static RawCell cell(String text, String sheet, String a1) {
        BigDecimal n = Tokenizer.number(text);
        return n != null ? new RawCell(RawCell.Kind.NUMBER, n, null, false, sheet, a1)
                : new RawCell(RawCell.Kind.TEXT, null, text, false, sheet, a1);
    }

    private static int nearest(float[] cols, float x) {
        int best = 0;
        for (int i = 1; i < cols.length; i++) {
            if (Math.abs(cols[i] - x) < Math.abs(cols[best] - x)) {
                best = i;
            }
        }
        return best;
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | (col & 0xffffffffL);
    }
}
