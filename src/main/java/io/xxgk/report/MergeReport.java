package io.xxgk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.xxgk.analysis.Analysis;
import io.xxgk.analysis.Indicator;
import io.xxgk.excel.SummaryWriter;
import io.xxgk.finding.Finding;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.excel.SummaryDetails;
import io.xxgk.merge.CarryLine;
import io.xxgk.merge.InputStatus;
import io.xxgk.merge.MergeInput;
import io.xxgk.merge.MergeResult;
import io.xxgk.merge.RosterLine;
import io.xxgk.pipeline.Inputs;
import io.xxgk.pipeline.MergeService;
import io.xxgk.schema.IdentityField;
import io.xxgk.util.InputFiles;
import io.xxgk.util.Texts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A merge's outcome as text (the terminal) and as JSON (the command line's --format json, the web page). */
public final class MergeReport {

    /** Lines of each kind shown on the terminal; the rest are counted (all are in the workbook and JSON). */
    public static final int SHOWN = 50;

    private MergeReport() {
    }

    /** The inputs not added up, the findings, the roster's count and the last line; {@code output}: the summary's name, or null. */
    public static void text(MergeService.Outcome o, String output, PrintWriter err) {
        MergeResult r = o.result();
        List<String> inputs = new ArrayList<>();
        for (MergeInput in : r.inputs()) {
            if (!in.status().merged() || in.status() == InputStatus.MERGED_INVALID) {
                String status = Messages.get("status." + in.status().id());
                String line = in.reason() != null ? Messages.get("merge.unreadableLine", status, in.file(), in.reason())
                        : in.name().isEmpty() ? Messages.get("merge.inputLineNoName", status, in.file(), in.errors())
                        : Messages.get("merge.inputLine", status, in.file(), in.name(), in.errors());
                // A file refused for its errors names the first of them: what to fix, where.
                if (in.firstError() != null && (in.status() == InputStatus.REJECTED || in.status() == InputStatus.MERGED_INVALID)) {
                    Finding f = in.firstError();
                    line += "\n  " + Messages.get("severity." + f.severity().id()) + "  " + f.rule() + "  "
                            + (f.cell() == null ? "" : Texts.printable(f.cell()) + "  ") + f.message();
                }
                inputs.add(line);
            }
        }
        print(inputs, SummaryDetails.SHEET, output, err);
        List<String> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            findings.add(Messages.get("severity." + f.severity().id()) + "  " + f.rule() + "  "
                    + Texts.printable(f.cell() == null ? f.file() : f.file() + " " + f.cell()) + "  " + f.message());
        }
        print(findings, SummaryWriter.ISSUES, output, err);
        if (r.roster() != null) {
            long missing = r.roster().stream().filter(l -> l.status() == RosterLine.Status.MISSING).count();
            err.println(Messages.get("merge.rosterLine", r.roster().size(), missing, r.offRoster().size()));
            for (MergeService.OffRoster off : o.offRoster()) {
                String name = off.input().name() == null ? "" : off.input().name();
                err.println(off.meant() == null ? Messages.get("merge.offRoster", off.input().file(), name)
                        : Messages.get("merge.offRosterMeant", off.input().file(), name, off.meant().entry().row(),
                        off.meant().entry().identity().get(IdentityField.NAME).orElse("")));
            }
        }
        if (r.merged() > 0) {
            String year = r.year() == null ? "?" : r.year();
            err.println(output == null ? Messages.get("merge.doneNoFile", r.merged(), r.inputs().size(), r.units(), year)
                    : Messages.get("merge.done", r.merged(), r.inputs().size(), r.units(), year, output));
        }
        if (o.nothingMerged()) {
            err.println(Messages.get("merge.nothingMerged", r.inputs().size()));
        }
        err.flush();
    }

    /** The first {@link #SHOWN} lines, then how many more there are and where they all are. */
    private static void print(List<String> lines, String sheet, String output, PrintWriter err) {
        lines.stream().limit(SHOWN).forEach(err::println);
        if (lines.size() > SHOWN) {
            err.println(output != null ? Messages.get("merge.more", lines.size() - SHOWN, sheet, output)
                    : Messages.get("merge.moreJson", lines.size() - SHOWN));
        }
    }

    /**
     * The analysis (issue 26): each figure with its definition, this year's and, with last year's reports,
     * both years' over the agencies that have both; the agencies by 公开率 with the base beside each rate.
     */
    private static void analysis(Analysis a, JsonGenerator g) throws IOException {
        if (a == null) {
            return;
        }
        g.writeObjectFieldStart("analysis");
        g.writeArrayFieldStart("indicators");
        for (int i = 0; i < a.now().size(); i++) {
            Indicator now = a.now().get(i);
            g.writeStartObject();
            g.writeStringField("id", now.id());
            g.writeStringField("label", now.label());
            g.writeStringField("definition", now.definition());
            g.writeStringField("unit", now.rate() ? "percent" : "count");
            g.writeObjectField("value", now.value());
            g.writeStringField("note", now.note());
            if (a.lastYear() != null) {
                g.writeObjectField("paired_value", a.sameNow().get(i).value());
                g.writeObjectField("last_year_value", a.lastYear().get(i).value());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("paired_units", a.pairedUnits());
        g.writeArrayFieldStart("ranking");
        for (Analysis.Ranked r : a.ranking()) {
            place(g, r, "closed", "disclosure_rate", true);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("movers");
        for (Analysis.Mover m : a.movers()) {
            g.writeStartObject();
            g.writeStringField("agency", m.agency());
            g.writeStringField("file", m.file());
            g.writeObjectField("disclosure_rate", m.now().value());
            g.writeObjectField("last_year_disclosure_rate", m.lastYear().value());
            g.writeObjectField("change", m.change());
            g.writeEndObject();
        }
        g.writeEndArray();
        // The agencies by the other figures: 予以公开率, 纠错率, 新收申请 (each with its base).
        g.writeArrayFieldStart("rankings");
        for (Analysis.Ranking k : a.rankings()) {
            g.writeStartObject();
            g.writeStringField("id", k.id());
            g.writeStringField("label", k.label());
            g.writeArrayFieldStart("places");
            for (Analysis.Ranked p : k.places()) {
                place(g, p, "base", "value", false);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        // Each agency with last year's report: the figures compared agency by agency, this year and last.
        g.writeArrayFieldStart("by_agency");
        for (Analysis.AgencyYear y : a.byAgency()) {
            g.writeStartObject();
            g.writeStringField("agency", y.agency());
            g.writeStringField("file", y.file());
            // Every figure, both years (computed here, for the JSON only).
            Map<String, BigDecimal> now = y.all(false);
            Map<String, BigDecimal> last = y.all(true);
            figures(g, "values", a.now(), now::get);
            figures(g, "last_year_values", a.now(), last::get);
            // The change of each figure (points for a rate, cases for a count); none where a year has none.
            figures(g, "changes", a.now(), id -> now.get(id) == null || last.get(id) == null ? null
                    : now.get(id).subtract(last.get(id)));
            g.writeEndObject();
        }
        g.writeEndArray();
        // Each year's figures over all its reports, earliest first (with several --previous).
        g.writeArrayFieldStart("trend");
        for (Analysis.Year y : a.trend()) {
            g.writeStartObject();
            g.writeStringField("year", y.year());
            g.writeNumberField("reports", y.reports());
            Map<String, BigDecimal> values = new HashMap<>();
            y.figures().forEach(i -> values.put(i.id(), i.value()));
            figures(g, "values", y.figures(), values::get);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One agency's place in a ranking: the figure's base and the figure under the names given, base first or not. */
    private static void place(JsonGenerator g, Analysis.Ranked r, String baseField, String valueField, boolean baseFirst)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("agency", r.agency());
        g.writeStringField("file", r.file());
        if (baseFirst) {
            g.writeObjectField(baseField, r.closed());
        }
        g.writeObjectField(valueField, r.rate().value());
        if (!baseFirst) {
            g.writeObjectField(baseField, r.closed());
        }
        g.writeBooleanField("small_base", r.rate().smallBase());
        g.writeEndObject();
    }

    /** An object {@code field} of the figures' values by id, in the figures' order. */
    private static void figures(JsonGenerator g, String field, List<Indicator> order, Function<String, BigDecimal> value)
            throws IOException {
        g.writeObjectFieldStart(field);
        for (Indicator i : order) {
            g.writeObjectField(i.id(), value.apply(i.id()));
        }
        g.writeEndObject();
    }

    /** The outcome as one JSON object written to {@code g}; skipped entries named as {@code inputs} shows them. */
    public static void json(MergeService.Outcome o, Inputs inputs, JsonGenerator g) throws IOException {
        MergeResult r = o.result();
        g.writeStartObject();
        g.writeStringField("layout", r.layout().id());
        g.writeStringField("year", r.year());
        g.writeNumberField("units", r.units());
        g.writeArrayFieldStart("inputs");
        for (MergeInput in : r.inputs()) {
            g.writeStartObject();
            g.writeStringField("file", in.file());
            g.writeStringField("agency", in.name());
            g.writeStringField("credit_code", in.identity().get(IdentityField.CREDIT_CODE).orElse(null));
            g.writeStringField("year", in.year());
            g.writeStringField("status", in.status().id());
            g.writeNumberField("errors", in.errors());
            g.writeNumberField("warnings", in.warnings());
            g.writeStringField("counted_instead", in.supersededBy() == null ? null : in.supersededBy().file());
            g.writeEndObject();
        }
        g.writeEndArray();
        skipped(o.skipped(), inputs, g);
        g.writeArrayFieldStart("findings");
        List<String> agencies = r.findingAgencies("");
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            g.writeStartObject();
            g.writeStringField("rule", f.rule());
            g.writeStringField("severity", f.severity().id());
            g.writeStringField("agency", agencies.get(i).isEmpty() ? null : agencies.get(i));
            g.writeStringField("file", f.file());
            g.writeStringField("key", f.key());
            g.writeStringField("cell", f.cell());
            g.writeObjectField("expected", f.expected());
            g.writeObjectField("actual", f.actual());
            g.writeStringField("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("input_findings");
        o.spool().forEach(l -> {
            try {
                g.writeStartObject();
                g.writeStringField("file", l.file());
                g.writeStringField("rule", l.rule());
                g.writeStringField("severity", l.severity());
                g.writeStringField("key", l.key().isEmpty() ? null : l.key());
                g.writeStringField("cell", l.cell().isEmpty() ? null : l.cell());
                g.writeStringField("message", l.message());
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        g.writeEndArray();
        g.writeObjectFieldStart("values");
        for (int i = 0; i < r.sums().length; i++) {
            g.writeObjectField(r.layout().cells().get(i).key(), r.sums()[i]);
        }
        g.writeEndObject();
        analysis(o.analysis(), g);
        if (r.carry() != null) {
            g.writeArrayFieldStart("cross_year");
            for (CarryLine l : r.carry()) {
                g.writeStartObject();
                g.writeStringField("file", l.input().file());
                g.writeStringField("agency", l.input().name());
                g.writeStringField("last_year_file", l.lastYear() == null ? null : l.lastYear().file());
                g.writeArrayFieldStart("rules");
                for (Finding f : l.findings()) {
                    g.writeString(f.rule());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.roster() != null) {
            g.writeArrayFieldStart("roster");
            for (RosterLine l : r.roster()) {
                g.writeStartObject();
                g.writeNumberField("row", l.entry().row());
                g.writeStringField("agency", l.entry().identity().get(IdentityField.NAME).orElse(""));
                g.writeStringField("status", l.status().id());
                g.writeArrayFieldStart("files");
                for (MergeInput in : l.matches()) {
                    g.writeString(in.file());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The entries of the input folders not read, each with its reason (JSON {@code skipped}). */
    public static void skipped(List<InputFiles.Skipped> skipped, Inputs inputs, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("skipped");
        for (InputFiles.Skipped s : skipped) {
            g.writeStartObject();
            g.writeStringField("file", inputs.name(s.path()));
            g.writeStringField("reason", s.reasonKey().substring("skip.".length()));
            g.writeStringField("message", Inputs.reason(s));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
