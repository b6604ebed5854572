package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.Identity;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of checking one input: the numbers it states by key (null = empty or unusable), the
 * raw cells they were read from, its identity, and its findings in a deterministic order. {@code layout} is null when unreadable.
 * {@code mark}: what xxgk wrote the file as (an annotated copy, a summary…), or null.
 */
public record CheckResult(String file, Layout layout, Identity identity, Map<String, BigDecimal> values,
                          Map<String, RawCell> cells, List<Finding> findings, boolean unreadable,
                          List<Identity> contains, OutputMark.Kind mark) {

    public CheckResult {
        findings = List.copyOf(findings);
        contains = List.copyOf(contains);
    }

    /** A result for an input that could not be read at all. */
    public static CheckResult unreadable(String file, Finding why) {
        return new CheckResult(file, null, Identity.empty(), Map.of(), Map.of(), List.of(why), true, List.of(), null);
    }

    /**
     * The same result naming its file {@code shown} (the name a person gave it) wherever it named it
     * by the path it was read from.
     */
    public CheckResult named(String shown) {
        if (shown.equals(file)) {
            return this;
        }
        List<Finding> renamed = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            renamed.add(f.file().equals(file) ? f.withFile(shown) : f);
        }
        return new CheckResult(shown, layout, identity, values, cells, renamed, unreadable, contains, mark);
    }

    /** The same result with more findings (kept in the checker's order: by severity, then place). */
    public CheckResult withFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        if (layout != null) {
            all.sort(Finding.order(layout::indexOf));
        }
        return new CheckResult(file, layout, identity, values, cells, all, unreadable, contains, mark);
    }

    /**
     * The same result keeping only the values, cells and findings of {@code keys} (and the findings
     * of no key): what last year's report must keep when thousands of them are held at once.
     */
    public CheckResult only(Set<String> keys) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        Map<String, RawCell> c = new LinkedHashMap<>();
        for (String k : keys) {
            if (values.containsKey(k)) {
                v.put(k, values.get(k));
            }
            if (cells.containsKey(k)) {
                c.put(k, cells.get(k));
            }
        }
        List<Finding> kept = findings.stream().filter(f -> f.key() == null || keys.contains(f.key())).toList();
        return new CheckResult(file, layout, identity, v, c, kept, unreadable, contains, mark);
    }

    /** Where the value of {@code key} was read ({@code sheet!A1}), or null. */
    public String location(String key) {
        RawCell raw = cells.get(key);
        return raw == null ? null : raw.location();
    }

    /** The message of a file in which none of the layout's tables was found. */
    static final String NO_TABLES = "finding.noTables";

    /** True when none of the layout's tables was found: the file is no report (nothing to import). */
    public boolean noTables() {
        return findings.stream().anyMatch(f -> NO_TABLES.equals(f.messageKey()));
    }

    /** True for a summary workbook (it lists the units it adds up). */
    public boolean isSummary() {
        return !contains.isEmpty();
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
