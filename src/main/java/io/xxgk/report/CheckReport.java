package io.xxgk.report;

import io.xxgk.check.CheckResult;
import io.xxgk.finding.Blanks;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.finding.Severity;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.Readings;
import io.xxgk.schema.IdentityField;
import io.xxgk.util.DisplayWidth;
import io.xxgk.util.Texts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One checked input as text (the terminal) and as JSON (the command line's --format json, the web page). */
public final class CheckReport {

    private CheckReport() {
    }

    /** One checked input as text; its blank cells in one line unless {@code strictBlank}. */
    public static void text(CheckResult r, boolean strictBlank, PrintWriter out) {
        List<Finding> shown = Blanks.collapsed(r.findings(), strictBlank);
        String verdict = r.unreadable() ? Messages.get("check.verdict.unreadable")
                : r.hasErrors() ? Messages.get("check.verdict.errors") : Messages.get("check.verdict.ok");
        out.println(verdict + "  " + Texts.printable(r.file()) + "  "
                + Messages.get("check.counts", count(shown, Severity.ERROR), count(shown, Severity.WARNING)));
        int cellWidth = shown.stream().mapToInt(f -> f.cell() == null ? 0 : DisplayWidth.of(Texts.printable(f.cell())))
                .max().orElse(0);
        // At least one space after the longest severity ("warning" in English was glued to its rule).
        int severityWidth = 1 + Arrays.stream(Severity.values())
                .mapToInt(s -> DisplayWidth.of(Messages.get("severity." + s.id()))).max().orElse(5);
        for (Finding f : shown) {
            out.println("  " + DisplayWidth.padRight(Messages.get("severity." + f.severity().id()), Math.max(6, severityWidth))
                    + DisplayWidth.padRight(f.rule(), Rule.longestId() + 1)
                    + DisplayWidth.padRight(f.cell() == null ? "" : Texts.printable(f.cell()), cellWidth + 2) + f.message());
        }
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** The JSON object of one checked input (keys in a fixed order, no timestamps). */
    public static Map<String, Object> json(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("layout", r.layout() == null ? null : r.layout().id());
        Map<String, Object> agency = new LinkedHashMap<>();
        for (IdentityField f : IdentityField.values()) {
            agency.put(f.id(), r.identity().get(f).orElse(null));
        }
        m.put("agency", agency);
        m.put("year", r.identity().get(IdentityField.YEAR).orElse(null));
        Map<String, Object> values = new LinkedHashMap<>();
        r.values().forEach(values::put);
        m.put("values", values);
        m.put("findings", json(r.findings()));
        return m;
    }

    /**
     * An imported report as JSON: {@link #json(CheckResult)} plus how each value was had ({@code reading}:
     * key → {@code how} read/solved/unread/blank, and {@code why} where a finding explains it).
     */
    public static Map<String, Object> importedJson(CheckResult r) {
        Map<String, Object> m = json(r);
        if (r.layout() != null) {
            Map<String, Object> reading = new LinkedHashMap<>();
            Readings.of(r.layout(), r.cells(), r.findings()).forEach((k, v) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("how", v.how().id());
                if (v.why() != null) {
                    one.put("why", v.why());
                }
                reading.put(k, one);
            });
            m.put("reading", reading);
        }
        return m;
    }

    /** The findings a person is shown (a file's blank cells in one line), as JSON: the web page's list. */
    public static List<Object> shown(CheckResult r) {
        return json(Blanks.collapsed(r.findings(), false));
    }

    private static List<Object> json(List<Finding> list) {
        List<Object> findings = new ArrayList<>();
        for (Finding f : list) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("rule", f.rule());
            fm.put("severity", f.severity().id());
            fm.put("key", f.key());
            fm.put("cell", f.cell());
            fm.put("expected", f.expected());
            fm.put("actual", f.actual());
            fm.put("difference", f.difference());
            fm.put("message", f.message());
            findings.add(fm);
        }
        return findings;
    }
}
