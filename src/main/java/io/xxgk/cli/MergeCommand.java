package io.xxgk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.PreviousYear;
import io.xxgk.excel.SummaryWriter;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.excel.SummaryDetails;
import io.xxgk.merge.FindingSpool;
import io.xxgk.merge.InputStatus;
import io.xxgk.merge.MergeInput;
import io.xxgk.merge.MergeResult;
import io.xxgk.merge.Merger;
import io.xxgk.merge.RosterLine;
import io.xxgk.roster.Roster;
import io.xxgk.roster.RosterProblem;
import io.xxgk.roster.RosterReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.InputFiles;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xxgk merge INPUT... -o SUMMARY.xlsx}: checks every input and adds up the good ones. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class MergeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "INPUT", arity = "1..*", descriptionKey = "merge.inputs")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "SUMMARY.xlsx", descriptionKey = "merge.output")
    Path output;

    @Option(names = "--roster", paramLabel = "ROSTER", descriptionKey = "merge.roster")
    Path roster;

    @Option(names = "--expect", paramLabel = "SUMMARY", descriptionKey = "merge.expect")
    Path expect;

    @Option(names = "--previous", paramLabel = "DIR", descriptionKey = "merge.previous")
    Path previous;

    @Option(names = "--include-invalid", descriptionKey = "merge.includeInvalid")
    boolean includeInvalid;

    @Option(names = "--agency", paramLabel = "NAME", descriptionKey = "merge.agency")
    String agency;

    @Option(names = "--region-code", paramLabel = "CODE", descriptionKey = "template.regionCode")
    String regionCode;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "merge.year")
    String year;

    @Option(names = "--format", paramLabel = "text|json", descriptionKey = "format")
    OutputFormat format = OutputFormat.text;

    @Mixin
    LayoutOption layoutOption;

    @Option(names = "--force", descriptionKey = "force")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Layout layout = layoutOption.resolve();
        if (output == null && format == OutputFormat.text && expect == null) {
            throw new UserException(ExitCodes.USAGE, "merge.needOutput");
        }
        if (output != null && Files.isDirectory(output)) {
            throw new UserException(ExitCodes.USAGE, "error.write", output, Messages.get("io.isFolder"));
        }
        if (output != null) {
            // Before anything is read: the summary never replaces an input or a file that is not one.
            OutputGuard.check(output, force, io.xxgk.ingest.excel.OutputMark.Kind.SUMMARY, givenFiles(), layout);
        }
        String summaryYear = ReportOverrides.checkYear(year);
        if (output != null) {
            io.xxgk.util.RunFiles.onInterrupt(Messages.get("merge.interrupted", output));
        }
        PrintWriter err = spec.commandLine().getErr();
        Roster list = roster == null ? null : RosterReader.read(roster);
        if (list != null) {
            for (RosterProblem p : list.problems()) {
                err.println(Messages.get("roster.problem", roster, p.row(), p.message()));
            }
        }
        InputFiles.Found found = InputScan.find(inputs, err);
        List<Path> files = withoutOutput(found.files(), err);
        if (files.isEmpty()) {
            throw new UserException(ExitCodes.UNREADABLE, "check.noInputs", inputs, CheckRunner.FORMATS);
        }
        try (FindingSpool spool = new FindingSpool()) {
            List<MergeInput> read = readAll(layout, files, spool, err);
            io.xxgk.util.Timing.phase("read+check");
            layout = mergeLayout(layout, read);
            CheckResult expected = expect == null ? null : new CheckRunner(layout, null, null).run(expect);
            PreviousYear lastYear = previous == null ? null
                    : PreviousYear.load(previous, new CheckRunner(layout, null, null));
            MergeResult result = Merger.merge(layout, read,
                    new Merger.Options(includeInvalid, summaryYear, list,
                            roster == null ? null : roster.toString(), expected, lastYear));
            io.xxgk.util.Timing.phase("merge");
            // Nothing merged (a mistyped folder, only unreadable, blank or rejected files): a summary
            // of zeros would pass for a real one, so none is written.
            boolean nothing = result.merged() == 0;
            if (output != null && !nothing) {
                write(result, spool);
                io.xxgk.util.RunFiles.onInterrupt(Messages.get("run.interrupted"));
                io.xxgk.util.Timing.phase("write");
            }
            if (format == OutputFormat.json) {
                json(result, spool, found.skipped());
            } else {
                report(result, err);
            }
            if (nothing) {
                err.println(Messages.get("merge.nothingMerged", result.inputs().size()));
                err.flush();
                return ExitCodes.UNREADABLE;
            }
            return exitCode(result);
        }
    }

    /** The files named on the command line (not folders): inputs, roster, --expect, last year's. */
    private List<Path> givenFiles() throws UserException {
        List<Path> given = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                given.add(p);
            }
        }
        for (Path p : new Path[] {roster, expect}) {
            if (p != null) {
                given.add(p);
            }
        }
        if (previous != null) {
            given.addAll(InputFiles.expand(List.of(previous)));
        }
        return given;
    }

    /**
     * The inputs without the summary this merge writes (by then known to be a summary xxgk wrote): a summary left in the input folder by the
     * last run would otherwise stand in for its units, and their corrected files would not count.
     */
    private List<Path> withoutOutput(List<Path> files, PrintWriter err) {
        if (output == null) {
            return files;
        }
        List<Path> kept = InputFiles.outside(files, output);
        if (kept.size() < files.size()) {
            java.util.Set<Path> merged = new java.util.HashSet<>(kept);
            files.stream().filter(f -> !merged.contains(f)).forEach(f -> err.println(Messages.get("merge.skipOutput", f)));
        }
        return kept;
    }

    /** Reads and checks every input in parallel, consuming results in input order. */
    private List<MergeInput> readAll(Layout layout, List<Path> files, FindingSpool spool, PrintWriter err)
            throws InterruptedException, ExecutionException {
        List<MergeInput> out = new ArrayList<>(files.size());
        Progress progress = Progress.onTerminal(err, files.size());
        try {
            // Rendering each finding's message and keeping the values are done by the reader threads;
            // only the appends happen here, in input order.
            new CheckRunner(layout, null, null).runAll(files, r -> read(r, layout, previous != null), read -> {
                read.lines().forEach(spool::add);
                out.add(read.input());
                progress.step();
            });
        } finally {
            progress.done();
        }
        return out;
    }

    /** What a merge keeps of one checked input: its values and its findings as 问题清单 lines. */
    private record Read(MergeInput input, List<FindingSpool.Line> lines) {
    }

    private static Read read(CheckResult r, Layout layout, boolean crossYear) {
        String name = r.identity().get(IdentityField.NAME).orElse("");
        List<FindingSpool.Line> lines = new ArrayList<>(r.findings().size());
        // An annotated copy is not a submission: its findings are those of the file it copies.
        for (Finding f : r.mark() == io.xxgk.ingest.excel.OutputMark.Kind.ANNOTATED ? List.<Finding>of() : r.findings()) {
            lines.add(FindingSpool.line(name, f));
        }
        return new Read(MergeInput.of(r, r.layout() != null ? r.layout() : layout, crossYear), lines);
    }

    /** The layout most readable inputs have (ties: the newer); the user's --layout wins. */
    private Layout mergeLayout(Layout given, List<MergeInput> inputs) {
        if (layoutOption.explicit()) {
            return given;
        }
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (MergeInput in : inputs) {
            if (!in.unreadable() && in.layoutId() != null) {
                counts.merge(in.layoutId(), 1, Integer::sum);
            }
        }
        String best = given.id();
        int n = 0;
        for (java.util.Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return io.xxgk.schema.Layouts.get(best);
    }

    private void write(MergeResult result, FindingSpool spool) throws UserException {
        Identity id = Identity.empty().with(IdentityField.NAME, summaryName(result))
                .with(IdentityField.YEAR, result.year()).with(IdentityField.REGION_CODE, regionCode);
        try {
            SummaryWriter.write(result, id, spool, output, force);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", output);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", output, io.xxgk.util.IoProblems.writing(e));
        }
    }

    /** Each submission not on the roster, with the missing roster line it probably means. */
    private static void offRoster(MergeResult r, PrintWriter err) {
        List<RosterLine> missing = r.roster().stream().filter(l -> l.status() == RosterLine.Status.MISSING).toList();
        List<String> names = missing.stream().map(l -> l.entry().identity().get(io.xxgk.schema.IdentityField.NAME).orElse(""))
                .toList();
        for (io.xxgk.merge.MergeInput in : r.offRoster()) {
            String name = in.name() == null ? "" : in.name();
            java.util.Optional<String> meant = io.xxgk.roster.NearMiss.best(name, names);
            err.println(meant.map(m -> Messages.get("merge.offRosterMeant", in.file(), name,
                            missing.get(names.indexOf(m)).entry().row(), m))
                    .orElse(Messages.get("merge.offRoster", in.file(), name)));
        }
    }

    /** --agency, else the one 上级单位 the roster names for everyone, else 汇总. */
    private String summaryName(MergeResult result) {
        if (agency != null) {
            return agency;
        }
        if (result.roster() != null) {
            Set<String> parents = result.roster().stream()
                    .map(l -> l.entry().identity().get(IdentityField.PARENT).orElse(""))
                    .collect(Collectors.toSet());
            if (parents.size() == 1 && !parents.contains("")) {
                return parents.iterator().next();
            }
        }
        return "汇总";
    }

    /** Lines of each kind shown on the terminal; the rest are counted (all are in the workbook and JSON). */
    static final int SHOWN = 50;

    private void report(MergeResult r, PrintWriter err) {
        List<String> inputs = new ArrayList<>();
        for (MergeInput in : r.inputs()) {
            if (!in.status().merged() || in.status() == InputStatus.MERGED_INVALID) {
                String status = Messages.get("status." + in.status().id());
                inputs.add(in.reason() != null ? Messages.get("merge.unreadableLine", status, in.file(), in.reason())
                        : in.name().isEmpty() ? Messages.get("merge.inputLineNoName", status, in.file(), in.errors())
                        : Messages.get("merge.inputLine", status, in.file(), in.name(), in.errors()));
            }
        }
        print(inputs, SummaryDetails.SHEET, err);
        List<String> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            findings.add(Messages.get("severity." + f.severity().id()) + "  " + f.rule() + "  "
                    + io.xxgk.util.Texts.printable(f.cell() == null ? f.file() : f.file() + " " + f.cell()) + "  " + f.message());
        }
        print(findings, SummaryWriter.ISSUES, err);
        if (r.roster() != null) {
            long missing = r.roster().stream().filter(l -> l.status() == RosterLine.Status.MISSING).count();
            err.println(Messages.get("merge.rosterLine", r.roster().size(), missing, r.offRoster().size()));
            offRoster(r, err);
        }
        if (r.merged() > 0) {
            err.println(output == null
                    ? Messages.get("merge.doneNoFile", r.merged(), r.inputs().size(), r.units(), r.year() == null ? "?" : r.year())
                    : Messages.get("merge.done", r.merged(), r.inputs().size(), r.units(),
                            r.year() == null ? "?" : r.year(), output));
        }
        err.flush();
    }

    /** The first {@link #SHOWN} lines, then how many more there are and where they all are. */
    private void print(List<String> lines, String sheet, PrintWriter err) {
        lines.stream().limit(SHOWN).forEach(err::println);
        if (lines.size() > SHOWN) {
            err.println(output != null ? Messages.get("merge.more", lines.size() - SHOWN, sheet, output)
                    : Messages.get("merge.moreJson", lines.size() - SHOWN));
        }
    }

    private void json(MergeResult r, FindingSpool spool, List<InputFiles.Skipped> skipped) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
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
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("skipped");
            for (InputFiles.Skipped s : skipped) {
                g.writeStartObject();
                g.writeStringField("file", s.path().toString());
                g.writeStringField("reason", s.reasonKey().substring("skip.".length()));
                g.writeStringField("message", InputScan.reason(s));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeStringField("severity", f.severity().id());
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
            spool.forEach(l -> {
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
                    throw new java.io.UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeObjectFieldStart("values");
            for (int i = 0; i < r.sums().length; i++) {
                g.writeObjectField(r.layout().cells().get(i).key(), r.sums()[i]);
            }
            g.writeEndObject();
            if (r.carry() != null) {
                g.writeArrayFieldStart("cross_year");
                for (io.xxgk.merge.CarryLine l : r.carry()) {
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
        out.println();
        out.flush();
    }

    private static int exitCode(MergeResult r) {
        if (r.inputs().stream().anyMatch(MergeInput::unreadable)) {
            return ExitCodes.UNREADABLE;
        }
        boolean errors = r.inputs().stream().anyMatch(i -> i.errors() > 0 && !i.annotatedCopy())
                || r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return errors ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
