package io.xxgk.ingest;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.Identity;
import io.xxgk.schema.Layout;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A report as read from one input: its layout, the identity fields, the raw cell of every key it
 * could place (a key missing from {@code cells} could not be placed), the reading problems, and for a
 * summary workbook the units its 明细 lists; {@code mark}: what xxgk wrote it as, or null; {@code open}:
 * the rows of a published report whose digits ran together and that stay open (none for a workbook).
 */
public record SourceReport(String file, Layout layout, Identity identity,
                           Map<String, RawCell> identityCells, Map<String, RawCell> cells,
                           List<Finding> problems, List<Identity> contains,
                           OutputMark.Kind mark, String otherLayout, List<OpenRow> open) {

    /** A report without open rows. */
    public SourceReport(String file, Layout layout, Identity identity, Map<String, RawCell> identityCells,
                        Map<String, RawCell> cells, List<Finding> problems, List<Identity> contains,
                        OutputMark.Kind mark, String otherLayout) {
        this(file, layout, identity, identityCells, cells, problems, contains, mark, otherLayout, List.of());
    }

    /** A report of this layout (or none found), with xxgk's mark as found. */
    public SourceReport(String file, Layout layout, Identity identity, Map<String, RawCell> identityCells,
                        Map<String, RawCell> cells, List<Finding> problems, List<Identity> contains,
                        OutputMark.Kind mark) {
        this(file, layout, identity, identityCells, cells, problems, contains, mark, null);
    }

    /** A report without xxgk's mark. */
    public SourceReport(String file, Layout layout, Identity identity, Map<String, RawCell> identityCells,
                        Map<String, RawCell> cells, List<Finding> problems, List<Identity> contains) {
        this(file, layout, identity, identityCells, cells, problems, contains, null);
    }

    public SourceReport {
        // Views, not copies: readers hand over fresh maps, and a merge builds 10,000 of these.
        identityCells = Collections.unmodifiableMap(identityCells);
        cells = Collections.unmodifiableMap(cells);
        problems = List.copyOf(problems);
        contains = List.copyOf(contains);
        open = open == null ? List.of() : List.copyOf(open);
    }

    /** The same report with another identity (the user's --agency/--year). */
    public SourceReport withIdentity(Identity newIdentity) {
        return new SourceReport(file, layout, newIdentity, identityCells, cells, problems, contains, mark, otherLayout, open);
    }

    /** The same report with xxgk's mark as found in the file. */
    public SourceReport withMark(OutputMark.Kind newMark) {
        return new SourceReport(file, layout, identity, identityCells, cells, problems, contains, newMark, otherLayout, open);
    }

    /** The same report with the rows left open ({@link OpenRow}). */
    public SourceReport withOpen(List<OpenRow> rows) {
        return new SourceReport(file, layout, identity, identityCells, cells, problems, contains, mark, otherLayout, rows);
    }

    /** The same report with other cells, problems and open rows (what evidence found later decided). */
    public SourceReport decided(Map<String, RawCell> newCells, List<Finding> newProblems, List<OpenRow> rows) {
        return new SourceReport(file, layout, identity, identityCells, newCells, newProblems, contains, mark, otherLayout, rows);
    }

    /**
     * A report whose tables are of layout {@code other}, not of the {@code layout} it was read with:
     * no value is taken into this layout's keys, the identity is kept, and the reader says so in a
     * typed field (the caller reads it again in that layout) as well as in a READ finding.
     */
    public static SourceReport ofOtherLayout(String file, Layout layout, Identity identity,
                                             Map<String, RawCell> identityCells, String other) {
        Finding f = Finding.of(Rule.READ_LAYOUT, file, null, null, null, null,
                "finding.otherLayout", List.of(other, layout.id()));
        return new SourceReport(file, layout, identity, identityCells, Map.of(), List.of(f), List.of(), null, other);
    }
}
