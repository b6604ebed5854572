package io.xxgk.schema;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group of rows that some published reports print as one row: 2021-layout reports whose table 三
 * still has the single 2019 row （六）其他处理 instead of its three sub-rows. The row's values are
 * kept under their own keys ({@code requests.other.<col>}), outside the layout's cells: its parts
 * stay unknown (null), and the checks and the merge use the group's total where the parts are.
 *
 * @param rowKey the row part of the group's keys ({@code other})
 * @param parts  the row keys of the sub-rows it stands for
 * @param cells  for each column key, the definition of the group's cell in it (labels for finding it)
 */
public record CombinedRow(String rowKey, List<String> parts, List<CellDef> cells) {

    public CombinedRow {
        parts = List.copyOf(parts);
        cells = List.copyOf(cells);
    }

    /** The group's cell in column {@code col}: {@code requests.other.natural}. */
    public CellDef cell(String col) {
        return cells.stream().filter(c -> c.colKey().equals(col)).findFirst().orElseThrow();
    }

    /**
     * Where a merge or an import counts the group's value of {@code cell} when the parts are unknown:
     * the last sub-row (3.其他, the catch-all), so the sums and the totals still agree.
     */
    public String countedIn(CellDef cell) {
        return partKey(cell, parts.get(parts.size() - 1));
    }

    /**
     * The values of a report with each printed group's value counted in its {@link #countedIn}
     * cell where the parts are unknown (null); other reports' values as they are.
     */
    public static Map<String, BigDecimal> asParts(Layout layout,
                                                                     Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = null;
        for (CombinedRow g : layout.combined()) {
            for (CellDef c : g.cells()) {
                BigDecimal v = values.get(c.key());
                if (v != null && g.parts.stream().allMatch(p -> values.get(g.partKey(c, p)) == null)) {
                    if (out == null) {
                        out = new HashMap<>(values);
                    }
                    out.put(g.countedIn(c), v);
                }
            }
        }
        return out == null ? values : out;
    }

    /** Every key of the sub-rows, in every column ({@code requests.other_no_correction.natural} …). */
    public Set<String> partKeys() {
        Set<String> out = new LinkedHashSet<>();
        cells.forEach(c -> parts.forEach(p -> out.add(partKey(c, p))));
        return out;
    }

    /** The key of sub-row {@code part} in the column of {@code cell}. */
    public String partKey(CellDef cell, String part) {
        return cell.key().substring(0, cell.key().indexOf('.')) + "." + part + "." + cell.colKey();
    }
}
