package io.xxgk.ingest.pdf;

import io.xxgk.ingest.pdf.PdfPage.Glyph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts glyphs into lines of text the way a reader sees them. Glyphs drawn one after another on one
 * baseline are first joined into runs (a word, a cell's text); runs are then placed into lines by
 * their height on the page and ordered left to right. Placing runs, not single glyphs, is what keeps
 * two CJK lines that sit a little apart in height from interleaving character by character
 * (PDFBox's sort by position gives {@code 第信二十条第（一规息内容}).
 */
final class TextRuns {

    /** A line of text with its vertical extent and left edge; {@code runs} kept for gap-aware joining. */
    record Line(List<Run> runs, float top, float bottom, float left) {

        /** The runs joined, with a space where they stand apart. */
        String text() {
            StringBuilder sb = new StringBuilder();
            Run prev = null;
            for (Run r : runs) {
                if (prev != null && r.left() - prev.right() > 0.25f * Math.max(r.size(), prev.size())) {
                    sb.append(gap(r.left() - prev.right(), r.size()));
                } else if (prev != null && endsWithDigit(sb) && r.text().length() > 0
                        && Character.isDigit(r.text().charAt(0))) {
                    sb.append(' ');
                }
                sb.append(r.text());
                prev = r;
            }
            return sb.toString();
        }

        float baseline() {
            return runs.stream().map(Run::baseline).max(Float::compare).orElse(bottom);
        }
    }

    /** Glyphs drawn one after another on one baseline with no wide gap. */
    record Run(String text, float left, float right, float top, float bottom, float baseline, float size) {
    }

    private TextRuns() {
    }

    /** The glyphs (in drawing order) as lines, top to bottom. */
    static List<Line> lines(List<Glyph> glyphs) {
        List<Run> runs = runs(glyphs);
        runs.sort(Comparator.comparingDouble(Run::baseline));
        List<List<Run>> groups = new ArrayList<>();
        List<float[]> extents = new ArrayList<>();
        for (Run r : runs) {
            int into = -1;
            for (int i = groups.size() - 1; i >= 0 && i >= groups.size() - 3; i--) {
                float[] e = extents.get(i);
                float overlap = Math.min(e[1], r.bottom()) - Math.max(e[0], r.top());
                float smaller = Math.min(e[1] - e[0], r.bottom() - r.top());
                if (overlap > 0.5f * smaller) {
                    into = i;
                    break;
                }
            }
            if (into < 0) {
                groups.add(new ArrayList<>());
                extents.add(new float[] {r.top(), r.bottom()});
                into = groups.size() - 1;
            }
            groups.get(into).add(r);
            float[] e = extents.get(into);
            e[0] = Math.min(e[0], r.top());
            e[1] = Math.max(e[1], r.bottom());
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Run> g = groups.get(i);
            g.sort(Comparator.comparingDouble(Run::left));
            out.add(new Line(List.copyOf(g), extents.get(i)[0], extents.get(i)[1], g.get(0).left()));
        }
        out.sort(Comparator.comparingDouble(Line::top));
        return out;
    }

    /** The text of a table cell: its lines joined (a wrapped label reads whole). */
    static String cellText(List<Glyph> glyphs) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines(glyphs)) {
            String t = l.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            // A wrapped label joins without a space; two numbers on two lines must not glue into one.
            if (endsWithDigit(sb) && Character.isDigit(t.charAt(0))) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static List<Run> runs(List<Glyph> glyphs) {
        List<Run> out = new ArrayList<>();
        List<Glyph> cur = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (!cur.isEmpty()) {
                Glyph p = cur.get(cur.size() - 1);
                float size = Math.max(p.size(), g.size());
                boolean sameLine = Math.abs(g.baseline() - p.baseline()) <= 0.2f * size;
                boolean next = g.x() >= p.right() - 0.3f * size && g.x() <= p.right() + 1.0f * size;
                if (!sameLine || !next) {
                    out.add(run(cur));
                    cur = new ArrayList<>();
                }
            }
            cur.add(g);
        }
        if (!cur.isEmpty()) {
            out.add(run(cur));
        }
        return out;
    }

    private static Run run(List<Glyph> gs) {
        StringBuilder sb = new StringBuilder();
        float left = Float.MAX_VALUE, right = -Float.MAX_VALUE, top = Float.MAX_VALUE, bottom = -Float.MAX_VALUE;
        float baseline = 0;
        float size = 0;
        Glyph prev = null;
        for (Glyph g : gs) {
            if (prev != null && g.x() - prev.right() > 0.25f * g.size()) {
                sb.append(' ');
            }
            sb.append(g.text());
            left = Math.min(left, g.x());
            right = Math.max(right, g.right());
            top = Math.min(top, g.baseline() - g.height());
            bottom = Math.max(bottom, g.baseline());
            baseline += g.baseline();
            size = Math.max(size, g.size());
            prev = g;
        }
        return new Run(sb.toString(), left, right, top, bottom, baseline / gs.size(), size);
    }

    private static String gap(float width, float size) {
        // Wide gaps (between table columns in a PDF without rulings) show as several spaces, like pdftotext -layout.
        return width > 1.5f * size ? "   " : " ";
    }

    private static boolean endsWithDigit(StringBuilder sb) {
        return sb.length() > 0 && Character.isDigit(sb.charAt(sb.length() - 1));
    }
}
