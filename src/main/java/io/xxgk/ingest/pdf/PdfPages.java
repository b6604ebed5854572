package io.xxgk.ingest.pdf;

import io.xxgk.ingest.Interruptible;
import io.xxgk.ingest.pdf.PdfPage.Glyph;
import io.xxgk.ingest.pdf.PdfPage.Segment;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Takes from each page of a PDF what a reader of its tables needs: every glyph with its position
 * (in drawing order, which for many WPS and Word PDFs is column by column), and the straight lines
 * drawn, stroked or filled as thin rectangles, which are the tables' rulings.
 */
final class PdfPages {

    /** More lines than this on one page is no table of ours (or hostile): the page is read as text. */
    static final int MAX_SEGMENTS = 6_000;
    /** A filled rectangle thinner than this is a line. */
    private static final float THIN = 2.5f;

    private PdfPages() {
    }

    static List<PdfPage> read(PDDocument doc) throws IOException {
        GlyphCollector glyphs = new GlyphCollector();
        glyphs.getText(doc);
        List<PdfPage> pages = new ArrayList<>();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            if (Thread.currentThread().isInterrupted()) {
                // Given up (its time is over): the rest of the pages are not read.
                throw new InterruptedIOException("stopped after page " + n);
            }
            n++;
            List<Segment> rulings = List.of();
            List<Glyph> text = glyphs.pages.getOrDefault(n, List.of());
            // A rotated page's glyphs are given in the turned page's frame; its lines are not. Read as text.
            // A page without text holds no table to read: its lines are not even collected (a page of a
            // million-cell grid took minutes).
            if (page.getRotation() % 360 == 0 && !text.isEmpty()) {
                RulingCollector r = new RulingCollector(page);
                r.processPage(page);
                rulings = r.segments.size() > MAX_SEGMENTS ? List.of() : r.segments;
            }
            pages.add(new PdfPage(n, text, rulings));
        }
        return pages;
    }

    /** PDFBox's text stripper, kept for its glyph positions (duplicate glyphs of fake bold removed). */
    private static final class GlyphCollector extends PDFTextStripper {

        final Map<Integer, List<Glyph>> pages = new TreeMap<>();

        GlyphCollector() {
            setSortByPosition(false);
            setSuppressDuplicateOverlappingText(true);
        }

        /** Each drawing operator asks first whether its input was given up (a page can take minutes). */
        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            Interruptible.check();
            super.processOperator(operator, operands);
        }

        @Override
        protected void writePage() {
            List<Glyph> out = new ArrayList<>();
            for (List<TextPosition> article : getCharactersByArticle()) {
                for (TextPosition t : article) {
                    String s = t.getUnicode();
                    if (s == null || s.isBlank() || t.getDir() != 0) {
                        continue;
                    }
                    float size = Math.max(t.getFontSizeInPt(), 1f);
                    float h = t.getHeightDir() > 0 ? t.getHeightDir() : size * 0.7f;
                    out.add(new Glyph(s.replace('\u00A0', ' ').strip(), t.getXDirAdj(), t.getYDirAdj(),
                            width(t.getWidthDirAdj(), size), h, size));
                }
            }
            pages.put(getCurrentPageNo(), out);
        }
    }

    /**
     * A glyph's drawn width: its advance, but no wider than its font size. Text set vertically
     * (one character per line down a narrow cell) can carry an advance many times wider, which
     * would put the glyph's centre in the next column.
     */
    private static float width(float advance, float size) {
        return Math.max(Math.min(advance, size * 1.1f), 0.1f);
    }

    /** Collects straight horizontal and vertical lines, in the glyphs' frame (top left, y down). */
    private static final class RulingCollector extends PDFGraphicsStreamEngine {

        final List<Segment> segments = new ArrayList<>();
        private final List<List<Point2D>> subpaths = new ArrayList<>();
        private Point2D current;
        private final float left;
        private final float top;

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            Interruptible.check();
            super.processOperator(operator, operands);
        }

        RulingCollector(PDPage page) {
            super(page);
            PDRectangle crop = page.getCropBox();
            left = crop.getLowerLeftX();
            top = crop.getUpperRightY();
        }

        private Point2D frame(Point2D p) {
            return new Point2D.Float((float) p.getX() - left, top - (float) p.getY());
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            List<Point2D> sp = new ArrayList<>(List.of(frame(p0), frame(p1), frame(p2), frame(p3), frame(p0)));
            subpaths.add(sp);
            current = p0;
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
            List<Point2D> sp = new ArrayList<>();
            sp.add(frame(current));
            subpaths.add(sp);
        }

        @Override
        public void lineTo(float x, float y) {
            if (subpaths.isEmpty()) {
                moveTo(x, y);
                return;
            }
            current = new Point2D.Float(x, y);
            subpaths.get(subpaths.size() - 1).add(frame(current));
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            // A curve is no ruling; it ends the straight part of its subpath.
            moveTo(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            if (!subpaths.isEmpty() && !subpaths.get(subpaths.size() - 1).isEmpty()) {
                List<Point2D> sp = subpaths.get(subpaths.size() - 1);
                sp.add(sp.get(0));
            }
        }

        @Override
        public void endPath() {
            subpaths.clear();
        }

        @Override
        public void strokePath() {
            for (List<Point2D> sp : subpaths) {
                for (int i = 1; i < sp.size(); i++) {
                    add(sp.get(i - 1), sp.get(i));
                }
            }
            subpaths.clear();
        }

        @Override
        public void fillPath(int windingRule) {
            // A thin filled shape is a line (how Word and WPS often draw borders); a large one is shading.
            for (List<Point2D> sp : subpaths) {
                float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
                for (Point2D p : sp) {
                    minX = Math.min(minX, (float) p.getX());
                    maxX = Math.max(maxX, (float) p.getX());
                    minY = Math.min(minY, (float) p.getY());
                    maxY = Math.max(maxY, (float) p.getY());
                }
                if (sp.size() < 2) {
                    continue;
                }
                if (maxY - minY <= THIN && maxX - minX > THIN) {
                    segment(new Segment(true, (minY + maxY) / 2, minX, maxX));
                } else if (maxX - minX <= THIN && maxY - minY > THIN) {
                    segment(new Segment(false, (minX + maxX) / 2, minY, maxY));
                }
            }
            subpaths.clear();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        @Override
        public void clip(int windingRule) {
            // The clipping path is ended by the endPath that follows.
        }

        @Override
        public void drawImage(PDImage pdImage) {
            // Images are no rulings.
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // Shading is no ruling.
        }

        private void add(Point2D a, Point2D b) {
            float dx = (float) Math.abs(a.getX() - b.getX());
            float dy = (float) Math.abs(a.getY() - b.getY());
            if (dy <= 0.5f && dx > 0.5f) {
                segment(new Segment(true, (float) (a.getY() + b.getY()) / 2, (float) a.getX(), (float) b.getX()));
            } else if (dx <= 0.5f && dy > 0.5f) {
                segment(new Segment(false, (float) (a.getX() + b.getX()) / 2, (float) a.getY(), (float) b.getY()));
            }
        }

        private void segment(Segment s) {
            if (segments.size() <= MAX_SEGMENTS) {
                segments.add(s);
            }
        }
    }
}
