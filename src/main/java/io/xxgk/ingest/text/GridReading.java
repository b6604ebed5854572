package io.xxgk.ingest.text;

import io.xxgk.finding.Finding;
import io.xxgk.ingest.Grid;
import io.xxgk.ingest.LayoutSniffer;
import io.xxgk.ingest.OpenRow;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.TableLocator;
import io.xxgk.schema.CombinedRow;
import io.xxgk.schema.Layout;
import io.xxgk.schema.TableForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a report whose tables are grids (a ruled PDF's tables, a web page's or a Word file's
 * tables, with their spans): the tables located by the same {@link TableLocator} as a worksheet
 * (labels, spans, headers), and the text for the title and the narrative. A table the grid does not
 * yield (drawn without lines, typed as text) is taken from the line reading instead, table by
 * table, whichever placed more of its cells.
 */
final class GridReading {

    private final Layout layout;
    private final String file;

    GridReading(Layout layout, String file) {
        this.layout = layout;
        this.file = file;
    }

    SourceReport read(Grid grid, List<String> narrative, SourceReport byLines) {
        List<String> texts = new ArrayList<>(narrative);
        for (int[] rc : grid.textCells()) {
            texts.add(grid.at(rc[0], rc[1]).text());
        }
        TextReportReader reader = new TextReportReader(layout);
        Layout other = LayoutSniffer.otherLayout(texts, layout);
        if (other != null) {
            return reader.otherLayout(file, other, narrative);
        }
        Set<String> keys = new LinkedHashSet<>();
        layout.cells().forEach(c -> keys.add(c.key()));
        TableLocator.Located located = new TableLocator(layout, file).locate(List.of(grid), keys);

        Map<String, RawCell> cells = new LinkedHashMap<>();
        List<Finding> problems = new ArrayList<>();
        List<OpenRow> open = new ArrayList<>();
        boolean allGrid = true;
        for (TableForm form : layout.forms()) {
            Set<String> formKeys = new LinkedHashSet<>();
            form.slots().forEach(s -> formKeys.add(s.key()));
            for (CombinedRow g : layout.combined()) {
                if (g.cells().stream().anyMatch(c -> formKeys.contains(g.countedIn(c)))) {
                    g.cells().forEach(c -> formKeys.add(c.key()));
                }
            }
            long ruled = located.cells().keySet().stream().filter(formKeys::contains).count();
            long lined = byLines.cells().keySet().stream().filter(formKeys::contains).count();
            boolean useRuled = ruled > 0 && ruled >= lined;
            allGrid &= useRuled;
            SourceReport from = useRuled ? null : byLines;
            Map<String, RawCell> src = useRuled ? located.cells() : from.cells();
            List<Finding> srcProblems = useRuled ? located.problems() : from.problems();
            src.forEach((k, v) -> {
                if (formKeys.contains(k)) {
                    cells.put(k, v);
                }
            });
            if (!useRuled) {
                from.open().stream().filter(r -> formKeys.containsAll(r.keys())).forEach(open::add);
            }
            for (Finding f : srcProblems) {
                if (formKeys.contains(f.key()) || (f.key() == null && f.args().contains(form.title()))) {
                    problems.add(f);
                }
            }
        }
        if (allGrid) {
            // Numbers outside every table's columns but in its rows: not tied to one table. When a
            // table was taken from the lines instead, the lines reading says what it found there.
            located.problems().stream().filter(f -> f.key() == null && !problems.contains(f)
                    && layout.forms().stream().noneMatch(t -> f.args().contains(t.title()))).forEach(problems::add);
        }
        ReportIdentity id = ReportIdentity.of(narrative, file);
        problems.addAll(id.problems());
        problems.addAll(NarrativeHints.hints(narrative, cells, file));
        return new SourceReport(file, layout, id.identity(), id.cells(), cells, problems, List.of()).withOpen(open);
    }
}
