package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.CombinedRow;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report that printed a row group as one row ({@link CombinedRow}): its sub-rows stay unknown,
 * and for the table checks the group's values stand in their place (the group's value in the first
 * sub-row, 0 in the others), so a table that adds up with the group row gets no error, and one that
 * does not is reported at the group's cell. One info finding says what was printed.
 *
 * @param values     the values the relations are judged on (the report's own when no group was printed)
 * @param usable     which of those are numbers
 * @param aliases    first sub-row key → group key, for naming the cell of a broken relation
 * @param groupValues the group's values by its keys ({@code requests.other.natural}), for output and merge
 */
record CombinedRows(BigDecimal[] values, boolean[] usable, Map<String, String> aliases,
                    Map<String, BigDecimal> groupValues) {

    static CombinedRows of(SourceReport src, BigDecimal[] values, boolean[] usable, List<Finding> findings) {
        Layout layout = src.layout();
        BigDecimal[] judged = values;
        boolean[] judgedUsable = usable;
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, BigDecimal> groupValues = new LinkedHashMap<>();
        for (CombinedRow group : layout.combined()) {
            if (group.cells().stream().noneMatch(c -> src.cells().containsKey(c.key()))) {
                continue;
            }
            if (judged == values) {
                judged = values.clone();
                judgedUsable = usable.clone();
            }
            List<String> shown = new ArrayList<>();
            for (CellDef def : group.cells()) {
                RawCell raw = src.cells().get(def.key());
                ValueParser.Parsed p = raw == null ? null : ValueParser.parse(raw, def.type());
                if (p != null && p.rule() != null) {
                    findings.add(Finding.of(p.rule(), src.file(), raw.location(), def.key(),
                            null, p.value(), p.messageKey(), List.of(raw.location(), def.displayLabel(), p.shown(),
                            p.value() == null ? "" : p.value().toPlainString())));
                }
                BigDecimal v = p == null ? null : p.value();
                groupValues.put(def.key(), v);
                shown.add(def.colLabel() + " " + (v == null ? "—" : v.toPlainString()));
                for (int k = 0; k < group.parts().size(); k++) {
                    int i = layout.indexOf(group.partKey(def, group.parts().get(k)));
                    judged[i] = k == 0 ? v : BigDecimal.ZERO;
                    judgedUsable[i] = k > 0 || (p != null && p.usable());
                    if (k == 0) {
                        aliases.put(group.partKey(def, group.parts().get(k)), def.key());
                    }
                }
            }
            RawCell at = src.cells().get(group.cells().get(group.cells().size() - 1).key());
            findings.add(Finding.of(Rule.READ_COMBINED, src.file(), at == null ? null : at.location(), null, null,
                    null, "finding.combinedRow", List.of(group.cells().get(0).rowLabel(), String.join("，", shown))));
        }
        return new CombinedRows(judged, judgedUsable, aliases, groupValues);
    }

    /** The definition of a group key ({@code requests.other.total}), for naming it. */
    static Optional<CellDef> def(Layout layout, String key) {
        return layout.combined().stream().flatMap(g -> g.cells().stream()).filter(c -> c.key().equals(key)).findFirst();
    }
}
