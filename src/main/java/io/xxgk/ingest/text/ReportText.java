package io.xxgk.ingest.text;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.Grid;
import io.xxgk.ingest.Interruptible;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.Zips;
import io.xxgk.ingest.pdf.PdfReport;
import io.xxgk.util.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns a published report in any of its formats into the text the importer reads: paragraphs as
 * lines, table rows as tab-separated cells (empty cells kept as empty fields, line breaks inside
 * a cell as spaces). Web pages through jsoup, Word through POI, PDF through PDFBox.
 */
public final class ReportText {

    private ReportText() {
    }

    /** The kinds of published report read here. */
    public enum Kind { TEXT, HTML, DOCX, PDF, CSV }

    /** The kind a file's name says, or null (the format registry tells a file's kind by its content first). */
    public static Kind kindByName(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".txt") || n.endsWith(".md")) {
            return Kind.TEXT;
        }
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return Kind.HTML;
        }
        if (n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Kind.CSV;
        }
        return n.endsWith(".docx") ? Kind.DOCX : n.endsWith(".pdf") ? Kind.PDF : null;
    }

    /** True for the formats read here, by name. */
    public static boolean handles(Path file) {
        return kindByName(file) != null;
    }

    static {
        // Word files are zips too: the same bound on what one part may inflate to as for workbooks.
        ZipSecureFile.setMaxEntrySize(256L << 20);
    }

    /** An annual report's text is tens of thousands of characters; more than this is not one. */
    static final int MAX_TEXT_CHARS = 2_000_000;

    /** A report's text, and the grid of its tables where the format has one (web page, Word), else null. */
    record Extracted(String text, Grid grid) {
    }

    public static String of(Path file) throws UnreadableException {
        return extracted(file, kindByName(file)).text();
    }

    static Extracted extracted(Path file, Kind kind) throws UnreadableException {
        Extracted ex = extract(file, kind);
        String text = ex.text();
        if (text.length() > MAX_TEXT_CHARS) {
            // Its tables would be searched line by line: bounded before that, with a plain reason.
            throw new UnreadableException(Messages.get("reason.tooLarge")
                    + " (" + text.length() + " characters of text)", null);
        }
        return ex;
    }

    private static Extracted extract(Path file, Kind kind) throws UnreadableException {
        if (kind == Kind.CSV) {
            // A dataset of many reports is larger than one report: bounded by its own limit.
            return CsvReports.extracted(file);
        }
        try {
            if (Files.size(file) > TextReportReader.MAX_BYTES) {
                throw new UnreadableException(Messages.get("reason.tooLarge"), null);
            }
            if (kind == Kind.HTML) {
                Document doc = Jsoup.parse(Texts.decode(Files.readAllBytes(file)));
                return new Extracted(html(doc), TableGrids.html(doc));
            }
            if (kind == Kind.DOCX) {
                // Its parts' CRCs first: POI reads a changed part without a word (288 read as 289).
                Zips.verify(file);
                try (InputStream in = Interruptible.stream(Files.newInputStream(file)); XWPFDocument doc = new XWPFDocument(in)) {
                    return new Extracted(docx(doc), TableGrids.word(doc));
                }
            }
            if (kind == Kind.PDF) {
                return new Extracted(pdf(file), null);
            }
            return new Extracted(Texts.decode(Files.readAllBytes(file)), null);
        } catch (InvalidPasswordException e) {
            throw new UnreadableException(Messages.get("reason.encrypted"), e);
        } catch (Zips.RefusedException e) {
            throw e.unreadable();
        } catch (TableGrids.TooLarge e) {
            throw new UnreadableException(Messages.get("reason.tooLarge") + " (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(UnreadableException.reason(e), e);
        }
    }

    static String html(Document doc) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        // jsoup's traversal is iterative: a page nested thousands of levels deep is read, not a stack overflow.
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    line.append(t.text().replace('\u00A0', ' '));
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (tag.equals("script") || tag.equals("style")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("table")) {
                    flush(lines, line);
                    for (Element tr : e.select("tr")) {
                        List<String> cells = new ArrayList<>();
                        for (Element td : tr.children()) {
                            if (td.normalName().equals("td") || td.normalName().equals("th")) {
                                cells.add(cellText(td));
                            }
                        }
                        lines.add(String.join("\t", cells));
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e.isBlock() || tag.equals("br")) {
                    flush(lines, line);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
                    flush(lines, line);
                }
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        flush(lines, line);
        return String.join("\n", lines);
    }

    private static String cellText(Element td) {
        return td.wholeText().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            String s = line.toString().strip();
            if (!s.isEmpty()) {
                lines.add(s);
            }
            line.setLength(0);
        }
    }

    private static String docx(XWPFDocument doc) {
        List<String> lines = new ArrayList<>();
        {
            for (IBodyElement el : doc.getBodyElements()) {
                if (el instanceof XWPFParagraph p) {
                    String t = p.getText().strip();
                    if (!t.isEmpty()) {
                        lines.add(t);
                    }
                } else if (el instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText().replaceAll("\\s+", " ").strip());
                        }
                        lines.add(String.join("\t", cells));
                    }
                }
            }
        }
        return String.join("\n", lines);
    }

    /** An annual report is tens of pages; its drawing operators a few megabytes. More is not one (or is hostile). */
    static final int MAX_PDF_PAGES = 400;
    static final long MAX_PDF_CONTENT = 32L << 20;

    private static String pdf(Path file) throws IOException, UnreadableException {
        return joinPages(pdfReport(file).text());
    }

    /** A PDF's tables, narrative and text by glyph position (see {@link PdfReport}). */
    static PdfReport pdfReport(Path file) throws UnreadableException {
        try {
            if (Files.size(file) > TextReportReader.MAX_BYTES) {
                throw new UnreadableException(Messages.get("reason.tooLarge"), null);
            }
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                refuseHugeContent(doc);
                PdfReport pdf = PdfReport.of(doc);
                if (pdf.text().length() > MAX_TEXT_CHARS) {
                    throw new UnreadableException(Messages.get("reason.tooLarge")
                            + " (" + pdf.text().length() + " characters of text)", null);
                }
                return pdf;
            }
        } catch (InvalidPasswordException e) {
            throw new UnreadableException(Messages.get("reason.encrypted"), e);
        } catch (Zips.RefusedException e) {
            throw e.unreadable();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(UnreadableException.reason(e), e);
        }
    }

    /** Pages separated by form feeds as one text, page numbers and running heads removed. */
    static String joinPages(String pagesWithFormFeeds) {
        List<String> pages = new ArrayList<>(List.of(pagesWithFormFeeds.split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return String.join("\n", PageNumbers.strip(pages));
    }

    /**
     * Counts the pages and their content streams' decoded bytes before any text is extracted: the
     * file size counts compressed bytes, and 200 KB can inflate to 100 MB of text operators (30 s).
     */
    private static void refuseHugeContent(PDDocument doc) throws IOException, UnreadableException {
        if (doc.getNumberOfPages() > MAX_PDF_PAGES) {
            throw new UnreadableException(Messages.get("reason.tooLarge")
                    + " (" + doc.getNumberOfPages() + " pages)", null);
        }
        long[] total = {0};
        byte[] sink = new byte[1 << 16];
        for (PDPage page : doc.getPages()) {
            try (InputStream in = page.getContents()) {
                count(in, sink, total);
            }
            // The forms a page draws are drawn with it: a small file can draw one large form on every page.
            forms(page.getResources(), sink, total, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        }
    }

    /** Adds what {@code in} inflates to to {@code total}; refuses the file past {@link #MAX_PDF_CONTENT}. */
    private static void count(InputStream in, byte[] sink, long[] total) throws IOException, UnreadableException {
        for (int n; (n = in.read(sink)) > 0; ) {
            total[0] += n;
            if (total[0] > MAX_PDF_CONTENT) {
                throw new UnreadableException(Messages.get("reason.tooLarge")
                        + " (page content over " + (MAX_PDF_CONTENT >> 20) + " MiB)", null);
            }
        }
    }

    /** Counts the form objects of {@code resources} (and the forms they draw), each once per page. */
    private static void forms(PDResources resources, byte[] sink, long[] total, Set<Object> seen, int depth)
            throws IOException, UnreadableException {
        if (resources == null || depth > 8) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                try (InputStream in = form.getContents()) {
                    count(in, sink, total);
                }
                forms(form.getResources(), sink, total, seen, depth + 1);
            }
        }
    }
}
