package io.xxgk.ingest.text;

import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a published report as text (.txt/.md: extracted from PDF, web pages or Word): finds the
 * tables of sections 二/三/四 by their labels and the agency and year in the title.
 */
public final class TextReportReader {

    /** Larger text is no annual report. */
    static final long MAX_BYTES = 20L << 20;
    /** A title line: nothing but "XX 2023 年政府信息公开工作年度报告". */
    private static final Pattern TITLE = Pattern.compile(
            "^\\s*(\\S.{1,60}?)\\s*(\\d{4})\\s*年\\s*(?:度\\s*)?政府信息公开工作年度(?:报告)?\\s*$");
    /** A title inside a sentence (a covering notice), used only when no title line exists. */
    private static final Pattern TITLE_IN_TEXT = Pattern.compile(
            "(?:转发|印发)?《?([^《》，。\\s]{2,40}?)\\s*(\\d{4})\\s*年\\s*(?:度\\s*)?政府信息公开工作年度报告");

    private final Layout layout;

    public TextReportReader(Layout layout) {
        this.layout = layout;
    }

    /** Reads a report in any format {@link ReportText} handles (text, web page, Word, PDF). */
    public SourceReport read(Path file) throws UnreadableException {
        return read(ReportText.of(file), file.toString());
    }

    public SourceReport read(String text, String file) {
        List<String> lines = Tokenizer.lines(text);
        String other = io.xxgk.ingest.LayoutSniffer.otherLayout(lines, layout.id());
        if (other != null) {
            return otherLayout(file, other, lines);
        }
        Tokenizer.Mode mode = Tokenizer.mode(lines);
        List<Token> tokens = Tokenizer.tokens(lines, mode);
        RowMapper mapper = new RowMapper(layout, file, mode == Tokenizer.Mode.TABS);
        mapper.map(tokens);
        Map<String, RawCell> idCells = new LinkedHashMap<>();
        Identity identity = identity(lines, idCells);
        List<io.xxgk.finding.Finding> problems = new java.util.ArrayList<>(mapper.problems);
        problems.addAll(NarrativeHints.hints(lines, mapper.cells, file));
        return new SourceReport(file, layout, identity, idCells, mapper.cells, problems, List.of());
    }

    /** A report of another layout: named, identity kept, no value taken into this layout's keys. */
    private SourceReport otherLayout(String file, String other, List<String> lines) {
        Map<String, RawCell> idCells = new LinkedHashMap<>();
        Identity identity = identity(lines, idCells);
        io.xxgk.finding.Finding f = new io.xxgk.finding.Finding("READ", io.xxgk.finding.Severity.ERROR, file, null,
                null, null, null, "finding.otherLayout", List.of(other, layout.id()));
        return new SourceReport(file, layout, identity, idCells, Map.of(), List.of(f), List.of());
    }

    /** Agency and year from the first title line ("XX2023年政府信息公开工作年度报告"). */
    private static Identity identity(List<String> lines, Map<String, RawCell> idCells) {
        Identity id = identity(lines, idCells, TITLE);
        return id.asMap().isEmpty() ? identity(lines, idCells, TITLE_IN_TEXT) : id;
    }

    private static Identity identity(List<String> lines, Map<String, RawCell> idCells, Pattern title) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = title.matcher(lines.get(i));
            if (m.find()) {
                String where = "第" + (i + 1) + "行";
                idCells.put(IdentityField.NAME.id(), new RawCell(RawCell.Kind.TEXT, null, m.group(1), false,
                        RowMapper.SHEET, where));
                idCells.put(IdentityField.YEAR.id(), new RawCell(RawCell.Kind.TEXT, null, m.group(2), false,
                        RowMapper.SHEET, where));
                return Identity.empty().with(IdentityField.NAME, m.group(1).strip())
                        .with(IdentityField.YEAR, m.group(2));
            }
        }
        return Identity.empty();
    }
}
