package io.xxgk.ingest.text;

import io.xxgk.finding.Finding;
import io.xxgk.ingest.Grid;
import io.xxgk.ingest.LayoutSniffer;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.TableLocator;
import io.xxgk.ingest.pdf.PdfReport;
import io.xxgk.schema.Identity;
import io.xxgk.schema.Layout;
import io.xxgk.schema.TableForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PDF whose tables are ruled: the tables as a grid, located by the same {@link TableLocator}
 * as a worksheet (labels, spans, headers), and the text outside them for the title and the
 * narrative. A table the rulings do not yield (drawn without lines, or only partly) is taken from
 * the line reading instead, table by table, whichever placed more of its cells.
 */
final class RuledReading {

    private final Layout layout;
    private final String file;

    RuledReading(Layout layout, String file) {
        this.layout = layout;
        this.file = file;
    }

    SourceReport read(PdfReport pdf, SourceReport byLines) {
        Grid grid = pdf.grid();
        List<String> narrative = Tokenizer.lines(ReportText.joinPages(pdf.narrative()));
        List<String> texts = new ArrayList<>(narrative);
        for (int[] rc : grid.textCells()) {
            texts.add(grid.at(rc[0], rc[1]).text());
        }
        TextReportReader reader = new TextReportReader(layout);
        String other = LayoutSniffer.otherLayout(texts, layout.id());
        if (other != null) {
            return reader.otherLayout(file, other, narrative);
        }
        Set<String> keys = new LinkedHashSet<>();
        layout.cells().forEach(c -> keys.add(c.key()));
        TableLocator.Located located = new TableLocator(layout, file).locate(List.of(grid), keys);

        Map<String, RawCell> cells = new LinkedHashMap<>();
        List<Finding> problems = new ArrayList<>();
        boolean anyRuled = false;
        for (TableForm form : layout.forms()) {
            Set<String> formKeys = new LinkedHashSet<>();
            form.slots().forEach(s -> formKeys.add(s.key()));
            for (io.xxgk.schema.CombinedRow g : layout.combined()) {
                if (g.cells().stream().anyMatch(c -> formKeys.contains(g.countedIn(c)))) {
                    g.cells().forEach(c -> formKeys.add(c.key()));
                }
            }
            long ruled = located.cells().keySet().stream().filter(formKeys::contains).count();
            long lined = byLines.cells().keySet().stream().filter(formKeys::contains).count();
            boolean useRuled = ruled > 0 && ruled >= lined;
            anyRuled |= useRuled;
            SourceReport from = useRuled ? null : byLines;
            Map<String, RawCell> src = useRuled ? located.cells() : from.cells();
            List<Finding> srcProblems = useRuled ? located.problems() : from.problems();
            src.forEach((k, v) -> {
                if (formKeys.contains(k)) {
                    cells.put(k, v);
                }
            });
            for (Finding f : srcProblems) {
                if (formKeys.contains(f.key()) || (f.key() == null && f.args().contains(form.title()))) {
                    problems.add(f);
                }
            }
        }
        if (anyRuled) {
            // Numbers outside every table's columns but in its rows: not tied to one table, kept once.
            located.problems().stream().filter(f -> f.key() == null && !problems.contains(f)
                    && layout.forms().stream().noneMatch(t -> f.args().contains(t.title()))).forEach(problems::add);
        }
        ReportIdentity id = ReportIdentity.of(narrative, file);
        problems.addAll(id.problems());
        problems.addAll(NarrativeHints.hints(narrative, cells, file));
        return new SourceReport(file, layout, id.identity(), id.cells(), cells, problems, List.of());
    }
}
