package io.xxgk.ingest.text;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.Grid;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.Readings;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.pdf.PdfReport;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the reader saw in a published report, for an auditor whose report reads badly: a ruled PDF's
 * tables as grid rows (cell | cell | …), other reports as their text lines, each value followed by
 * the cell key it was placed in ({@code 50［requests.granted.natural］}) and each line by the keys
 * read from it. A value without a key was not taken.
 */
public final class ReportView {

    private ReportView() {
    }

    /**
     * What the reader saw in {@code file}, headed by the name it is shown by (a dataset's record, say); the
     * report as read is given to {@code evidence} first (last year's reports, or {@link UnaryOperator#identity}).
     */
    public static String show(Path file, String shown, Layout layout, UnaryOperator<SourceReport> evidence)
            throws UnreadableException {
        ReportText.Kind kind = ReportText.kindByName(file);
        return show(file, shown, kind == null ? ReportText.Kind.TEXT : kind, layout, evidence);
    }

    /** What the reader saw in {@code file}, a report of {@code kind}. */
    private static String show(Path file, String shown, ReportText.Kind kind, Layout layout,
                               UnaryOperator<SourceReport> evidence) throws UnreadableException {
        StringBuilder out = new StringBuilder();
        out.append(Messages.get("show.layout", shown, layout.id())).append('\n');
        if (kind == ReportText.Kind.PDF) {
            PdfReport pdf = ReportText.pdfReport(file);
            SourceReport src = evidence.apply(new TextReportReader(layout).read(pdf, file.toString()));
            if (pdf.grid() != null) {
                out.append(Messages.get("show.grid")).append('\n');
                grid(pdf.grid(), src, out);
                out.append(Messages.get("show.narrative")).append('\n');
                lines(ReportText.joinPages(pdf.narrative()), src, out);
                return cells(layout, src, out);
            }
            out.append(Messages.get("show.lines")).append('\n');
            lines(ReportText.joinPages(pdf.text()), src, out);
            return cells(layout, src, out);
        }
        ReportText.Extracted ex = ReportText.extracted(file, kind);
        SourceReport src = evidence.apply(new TextReportReader(layout).read(ex, file.toString()));
        if (ex.grid() != null) {
            out.append(Messages.get("show.tables")).append('\n');
            grid(ex.grid(), src, out);
        }
        out.append(Messages.get("show.lines")).append('\n');
        lines(ex.text(), src, out);
        return cells(layout, src, out);
    }

    /**
     * Each row of the tables with its values and how they were had: read as printed, solved (with the
     * relations or words that decided the split), not read (with why, and the candidates).
     */
    private static String cells(Layout layout, SourceReport src, StringBuilder out) {
        out.append(Messages.get("show.cells")).append('\n');
        Map<String, Readings.Reading> readings = Readings.of(layout, src.cells(), src.problems());
        Map<String, List<CellDef>> rows = new LinkedHashMap<>();
        for (CellDef c : layout.cells()) {
            if (readings.containsKey(c.key())) {
                rows.computeIfAbsent(c.table() + "/" + c.rowKey(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<CellDef> row : rows.values()) {
            List<String> values = new ArrayList<>();
            Readings.Reading worst = null;
            for (CellDef c : row) {
                Readings.Reading r = readings.get(c.key());
                RawCell raw = src.cells().get(c.key());
                values.add(switch (r.how()) {
                    case READ, SOLVED -> raw.number().toPlainString();
                    case BLANK -> Messages.get("show.blankValue");
                    case UNREAD -> "?";
                });
                if (worst == null || r.how().ordinal() > worst.how().ordinal() && r.how() != Readings.How.BLANK) {
                    worst = r;
                }
            }
            String how = Messages.get("show.how." + worst.how().id());
            out.append("  ").append(row.get(0).table()).append("  ").append(row.get(0).rowLabel().replace("\n", ""))
                    .append("：").append(String.join(" | ", values)).append("  ［").append(how)
                    .append(worst.why() == null ? "" : "：" + worst.why()).append("］\n");
        }
        return out.toString();
    }

    private static void grid(Grid grid, SourceReport src, StringBuilder out) {
        Map<RawCell, String> keyOf = new IdentityHashMap<>();
        src.cells().forEach((k, v) -> keyOf.put(v, k));
        int last = -1;
        for (int r = 0; r <= grid.lastRow(); r++) {
            NavigableMap<Integer, RawCell> row = grid.row(r);
            if (row.isEmpty()) {
                continue;
            }
            if (last >= 0 && r > last + 1) {
                out.append('\n');
            }
            last = r;
            List<String> cells = new ArrayList<>();
            for (Map.Entry<Integer, RawCell> c : row.entrySet()) {
                RawCell cell = c.getValue();
                String shown = cell.kind() == RawCell.Kind.NUMBER ? cell.number().toPlainString() : cell.text();
                String key = keyOf.get(cell);
                cells.add(key == null ? shown : shown + "［" + key + "］");
            }
            out.append(String.format("%-22s", grid.location(r, row.firstKey()))).append(" | ")
                    .append(String.join(" | ", cells)).append('\n');
        }
    }

    private static void lines(String text, SourceReport src, StringBuilder out) {
        Map<String, List<String>> keysByLine = new LinkedHashMap<>();
        src.cells().forEach((k, v) -> {
            if (RowMapper.SHEET.equals(v.sheet())) {
                keysByLine.computeIfAbsent(v.a1(), x -> new ArrayList<>()).add(k);
            }
        });
        List<String> lines = Tokenizer.lines(text);
        TreeMap<Integer, String> shown = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\t", " ⇥ ");
            List<String> keys = keysByLine.get(RowMapper.line(i + 1));
            shown.put(i + 1, keys == null ? line : line + "    ［" + String.join(", ", keys) + "］");
        }
        shown.forEach((n, l) -> out.append(String.format("%5d  ", n)).append(l).append('\n'));
    }
}
