package io.xxgk.ingest;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each value of a published report was had: read as printed, solved (digits run together, split
 * by the table's arithmetic or the narrative, the finding saying which), or not read (the finding
 * saying why, with the candidates where several splits fit). For {@code import --show} and its JSON.
 */
public final class Readings {

    /** How a cell's value was had. */
    public enum How {
        READ("read"), SOLVED("solved"), UNREAD("unread"), BLANK("blank");

        private final String id;

        How(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A cell's reading: how, and the finding's words where one explains it. */
    public record Reading(How how, String why) {
    }

    private Readings() {
    }

    /** Every cell of the layout, in its order, with how its value was had. */
    public static Map<String, Reading> of(Layout layout, Map<String, RawCell> cells, List<Finding> findings) {
        Map<String, Finding> split = new HashMap<>();
        Map<String, Finding> unread = new HashMap<>();
        for (Finding f : findings) {
            CellDef at = f.key() == null ? null : layout.cell(f.key()).orElse(null);
            if (at == null) {
                continue;
            }
            String row = at.table() + "/" + at.rowKey();
            if (f.rule().equals(Rule.READ_SPLIT.id())) {
                split.putIfAbsent(row, f);
            } else if (f.rule().equals(Rule.READ.id())) {
                unread.putIfAbsent(row, f);
            }
        }
        Map<String, Reading> out = new LinkedHashMap<>();
        for (CellDef c : layout.cells()) {
            if (layout.isFormula(c.key()) && !cells.containsKey(c.key())) {
                continue;
            }
            String row = c.table() + "/" + c.rowKey();
            RawCell raw = cells.get(c.key());
            if (raw != null && raw.kind() == RawCell.Kind.NUMBER) {
                Finding f = split.get(row);
                out.put(c.key(), f == null ? new Reading(How.READ, null) : new Reading(How.SOLVED, f.message()));
            } else if (raw != null && raw.kind() == RawCell.Kind.BLANK) {
                out.put(c.key(), new Reading(How.BLANK, null));
            } else {
                Finding f = unread.get(row);
                out.put(c.key(), new Reading(How.UNREAD, f == null ? null : f.message()));
            }
        }
        return out;
    }
}
