package io.xxgk.ingest.text;

import io.xxgk.finding.Finding;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.LayoutSniffer;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.pdf.PdfReport;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a published report as text (.txt/.md: extracted from PDF, web pages or Word): finds the
 * tables of sections 二/三/四 by their labels and the agency and year in the title.
 */
public final class TextReportReader {

    /** Larger text is no annual report. */
    static final long MAX_BYTES = 20L << 20;

    private final Layout layout;

    public TextReportReader(Layout layout) {
        this.layout = layout;
    }

    /** Reads a report in any format {@link ReportText} handles (text, web page, Word, PDF). */
    public SourceReport read(Path file) throws UnreadableException {
        ReportText.Kind kind = ReportText.kindByName(file);
        return read(file, kind == null ? ReportText.Kind.TEXT : kind);
    }

    /** Reads a report of the {@code kind} the format registry told by its content. */
    public SourceReport read(Path file, ReportText.Kind kind) throws UnreadableException {
        String name = file.toString();
        if (kind != ReportText.Kind.PDF) {
            ReportText.Extracted ex = ReportText.extracted(file, kind);
            return inItsLayout(reader -> reader.read(ex, name));
        }
        PdfReport pdf = ReportText.pdfReport(file);
        return inItsLayout(reader -> reader.read(pdf, name));
    }

    /** One way of reading what was already taken from the file, with a reader of some layout. */
    @FunctionalInterface
    private interface Reading {
        SourceReport with(TextReportReader reader) throws UnreadableException;
    }

    /**
     * The report read in this layout, or, where its labels show another layout, read again in that
     * one from the text already taken out of the file (the file is not opened twice).
     */
    private SourceReport inItsLayout(Reading reading) throws UnreadableException {
        SourceReport src = reading.with(this);
        if (src.otherLayout() == null) {
            return src;
        }
        return reading.with(new TextReportReader(Layouts.get(src.otherLayout())));
    }

    /** Reads a text, web page or Word file: its tables as a grid where it has one, else by lines. */
    SourceReport read(ReportText.Extracted ex, String file) {
        SourceReport byLines = read(ex.text(), file);
        return ex.grid() == null ? byLines
                : new GridReading(layout, file).read(ex.grid(), Tokenizer.lines(ex.text()), byLines);
    }

    /** Reads a PDF by its glyphs' positions: ruled tables as a grid, else by lines. */
    public SourceReport read(PdfReport pdf, String file) throws UnreadableException {
        if (pdf.glyphs() == 0) {
            // A scan (pictures of pages) has no text to read: say so instead of "tables not found".
            throw new UnreadableException(Messages.get("reason.scanned"), null);
        }
        SourceReport byLines = read(ReportText.joinPages(pdf.text()), file);
        return pdf.grid() == null ? byLines : new GridReading(layout, file).read(pdf.grid(),
                Tokenizer.lines(ReportText.joinPages(pdf.narrative())), byLines);
    }

    public SourceReport read(String text, String file) {
        List<String> lines = Tokenizer.lines(text);
        Layout other = LayoutSniffer.otherLayout(lines, layout);
        if (other != null) {
            return otherLayout(file, other, lines);
        }
        Tokenizer.Mode mode = Tokenizer.mode(lines);
        List<Token> tokens = Tokenizer.tokens(lines, mode);
        RowMapper mapper = new RowMapper(layout, file, mode == Tokenizer.Mode.TABS, NarrativeHints.stated(lines));
        mapper.map(tokens);
        ReportIdentity id = ReportIdentity.of(lines, file);
        List<Finding> problems = new ArrayList<>(mapper.problems);
        problems.addAll(id.problems());
        problems.addAll(NarrativeHints.hints(lines, mapper.cells, file));
        return new SourceReport(file, layout, id.identity(), id.cells(), mapper.cells, problems, List.of()).withOpen(mapper.open);
    }

    /** A report of another layout: named, identity kept, no value taken into this layout's keys. */
    SourceReport otherLayout(String file, Layout other, List<String> lines) {
        ReportIdentity id = ReportIdentity.of(lines, file);
        return SourceReport.ofOtherLayout(file, layout, id.identity(), id.cells(), other.id());
    }
}
