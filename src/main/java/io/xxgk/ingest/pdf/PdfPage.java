package io.xxgk.ingest.pdf;

import java.util.List;

/**
 * What one PDF page shows, in page coordinates (points, origin at the top left, y down): its
 * glyphs in drawing order and the straight horizontal and vertical lines drawn on it (the table
 * rulings).
 */
record PdfPage(int number, List<Glyph> glyphs, List<Segment> rulings) {

    /**
     * One drawn character: its box (left, baseline) with width and height, and the font size that
     * says how close two glyphs must be to belong to one word or one line.
     */
    record Glyph(String text, float x, float baseline, float width, float height, float size) {

        float centerX() {
            return x + width / 2;
        }

        float centerY() {
            return baseline - height / 2;
        }

        float right() {
            return x + width;
        }
    }

    /** A horizontal ({@code at} = y, from/to along x) or vertical ({@code at} = x) line. */
    record Segment(boolean horizontal, float at, float from, float to) {

        Segment {
            if (from > to) {
                float t = from;
                from = to;
                to = t;
            }
        }

        /** True when this horizontal line and {@code v} (vertical) touch, within {@code tol}. */
        boolean crosses(Segment v, float tol) {
            return v.at >= from - tol && v.at <= to + tol && at >= v.from - tol && at <= v.to + tol;
        }
    }
}
