package io.xxgk.merge;

import io.xxgk.check.CheckResult;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.CarryDef;
import io.xxgk.schema.CombinedRow;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.StockDef;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a merge keeps of one checked input: identity, counts and the values as an array in layout
 * order. Findings are not kept here (they are spooled to disk), so memory does not grow with them.
 */
public final class MergeInput {

    private final String file;
    private final Identity identity;
    private final String layoutId;
    private final long errors;
    private final long warnings;
    private final boolean unreadable;
    private final List<Identity> contains;
    private final Values values;
    private final Map<String, String> crossYearCells;
    private InputStatus status;
    private String reason;
    private boolean empty;
    /** An annotated copy of ours sent back: whether its numbers changed since it was annotated (null: not one). */
    private Boolean returnedChanged;
    /** The submission of the same agency that counts instead of this one, where a stated rule decided it. */
    private MergeInput supersededBy;
    /** The input's first error, said where it is refused (null: none). */
    private Finding firstError;

    MergeInput(String file, Identity identity, String layoutId, long errors, long warnings, boolean unreadable,
               List<Identity> contains, Values values, Map<String, String> crossYearCells) {
        this.crossYearCells = crossYearCells;
        this.file = file;
        this.identity = identity;
        this.layoutId = layoutId;
        this.errors = errors;
        this.warnings = warnings;
        this.unreadable = unreadable;
        this.contains = contains;
        this.values = values;
    }

    /** Keeps what the merge needs of a check result; values follow {@code layout.cells()}. */
    public static MergeInput of(CheckResult r, Layout layout) {
        return of(r, layout, true);
    }

    /**
     * Keeps what the merge needs of a check result; values follow {@code layout.cells()}, and the
     * locations of the cross-year cells only when {@code crossYear} (a merge with last year's reports).
     */
    public static MergeInput of(CheckResult r, Layout layout, boolean crossYear) {
        Values values = new Values(layout.cells().size());
        if (!r.unreadable()) {
            Map<String, BigDecimal> v = CombinedRow.asParts(layout, r.values());
            for (int i = 0; i < layout.cells().size(); i++) {
                values.set(i, v.get(layout.cells().get(i).key()));
            }
        }
        // Where the cells of the cross-year checks are, so their findings can name them.
        Map<String, String> cells = new HashMap<>();
        if (!r.unreadable() && crossYear) {
            for (CarryDef c : layout.carries()) {
                cells.put(c.thisYear(), r.location(c.thisYear()));
            }
            for (StockDef s : layout.stocks()) {
                cells.put(s.inForce(), r.location(s.inForce()));
            }
        }
        MergeInput in = new MergeInput(r.file(), r.identity(), r.layout() == null ? null : r.layout().id(),
                r.count(Severity.ERROR), r.count(Severity.WARNING), r.unreadable(), r.contains(), values, cells);
        in.empty = r.findings().stream().anyMatch(f -> f.rule().equals(Rule.VAL_EMPTY.id()));
        in.firstError = r.unreadable() ? null
                : r.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElse(null);
        if (r.unreadable() && !r.findings().isEmpty() && !r.findings().get(0).args().isEmpty()) {
            in.reason = String.valueOf(r.findings().get(0).args().get(0));
        }
        return in;
    }

    /** The first error found in the input (the one a refused input's line names), or null. */
    public Finding firstError() {
        return firstError;
    }

    public String file() {
        return file;
    }

    public Identity identity() {
        return identity;
    }

    public String name() {
        return identity.get(IdentityField.NAME).orElse("");
    }

    public String year() {
        return identity.get(IdentityField.YEAR).orElse(null);
    }

    public String layoutId() {
        return layoutId;
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    /** True for a copy that {@code xxgk check --annotate} wrote (by its mark, not its name or folder). */
    /** True for an annotated copy of ours sent back as it was annotated (its numbers and identity unchanged). */
    public boolean returnedUnchanged() {
        return Boolean.FALSE.equals(returnedChanged);
    }

    /** Says this input is an annotated copy of ours sent back, {@code changed} or not since it was annotated. */
    public void returned(boolean changed) {
        returnedChanged = changed;
    }

    /** True for a report with no number filled in (VAL-EMPTY). */
    public boolean empty() {
        return empty;
    }

    public boolean unreadable() {
        return unreadable;
    }

    /** Why an unreadable input could not be read, or null. */
    public String reason() {
        return reason;
    }

    public List<Identity> contains() {
        return contains;
    }

    public boolean isSummary() {
        return !contains.isEmpty();
    }

    /** How many units this input stands for: a summary counts its units, a report counts one. */
    public int units() {
        return isSummary() ? contains.size() : 1;
    }

    /**
     * The value of the i-th cell of {@code layout}, or null when empty, unusable, or when this input
     * is of another layout (its i-th cell is another key: M-LAYOUT, never a number in a wrong column).
     */
    public BigDecimal value(Layout layout, int i) {
        return layout.id().equals(layoutId) ? values.get(i) : null;
    }

    /**
     * A check result standing for this input in the cross-year checks: its values, and the cells of
     * the keys those checks report on.
     */
    public CheckResult asCheckResult(Layout layout) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        Map<String, RawCell> cells = new HashMap<>();
        for (int i = 0; i < layout.cells().size(); i++) {
            String key = layout.cells().get(i).key();
            v.put(key, values.get(i));
            String at = crossYearCells.get(key);
            String sheet = at == null ? "" : at.substring(0, at.lastIndexOf('!'));
            String a1 = at == null ? "" : at.substring(at.lastIndexOf('!') + 1);
            cells.put(key, new RawCell(RawCell.Kind.BLANK, null, null, false, sheet, a1));
        }
        return new CheckResult(file, layout, identity, v, cells, List.of(), false, contains, null);
    }

    public InputStatus status() {
        return status;
    }

    /** The submission of the same agency counted instead of this one (newer, picked, or identical), or null. */
    public MergeInput supersededBy() {
        return supersededBy;
    }

    void supersededBy(MergeInput other) {
        supersededBy = other;
    }

    void status(InputStatus s) {
        this.status = s;
    }

    /**
     * The values as unscaled longs and scales rather than BigDecimal objects: a merge keeps the
     * values of every input until it writes 明细, and 200 objects per input made every young
     * collection copy them again. Exact: a value that does not fit is kept as it is.
     */
    static final class Values {
        private static final byte NONE = Byte.MIN_VALUE;
        private final long[] unscaled;
        private final byte[] scales;
        private BigDecimal[] wide;

        Values(int n) {
            unscaled = new long[n];
            scales = new byte[n];
            Arrays.fill(scales, NONE);
        }

        void set(int i, BigDecimal v) {
            if (v == null) {
                scales[i] = NONE;
            } else if (v.precision() <= 18 && v.scale() > NONE && v.scale() <= Byte.MAX_VALUE) {
                unscaled[i] = v.unscaledValue().longValueExact();
                scales[i] = (byte) v.scale();
            } else {
                if (wide == null) {
                    wide = new BigDecimal[unscaled.length];
                }
                wide[i] = v;
                scales[i] = 0;
            }
        }

        BigDecimal get(int i) {
            if (wide != null && wide[i] != null) {
                return wide[i];
            }
            return scales[i] == NONE ? null : BigDecimal.valueOf(unscaled[i], scales[i]);
        }
    }
}
