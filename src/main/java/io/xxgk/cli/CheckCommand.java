package io.xxgk.cli;

import io.xxgk.util.Texts;

import io.xxgk.ingest.excel.OutputMark;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.CrossYear;
import io.xxgk.check.PreviousYear;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.i18n.Messages;
import io.xxgk.util.InputFiles;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.DisplayWidth;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xxgk check FILE|DIR...}: reads each workbook and runs the single-workbook rules. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", descriptionKey = "check.inputs")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "text|json", descriptionKey = "format")
    OutputFormat format = OutputFormat.text;

    @Mixin
    LayoutOption layoutOption;

    @Mixin
    ReportOverrides overrides;

    @Option(names = "--annotate", paramLabel = "DIR", descriptionKey = "check.annotate")
    Path annotate;

    @Option(names = "--previous", paramLabel = "FILE|DIR", descriptionKey = "check.previous")
    Path previous;

    @Spec
    CommandSpec spec;

    private final io.xxgk.util.SafeFileNames annotatedNames = new io.xxgk.util.SafeFileNames();

    @Override
    public Integer call() throws Exception {
        Layout layout = layoutOption.resolve();
        if (annotate != null) {
            Path copies = annotate.toAbsolutePath().normalize();
            for (Path in : inputs) {
                if (java.nio.file.Files.isDirectory(in) && in.toAbsolutePath().normalize().equals(copies)) {
                    // The copies would lie among the submissions, and the next check would skip them all.
                    throw new UserException(ExitCodes.USAGE, "check.annotateSameFolder", in);
                }
            }
        }
        List<Path> files = withoutAnnotated(InputScan.find(inputs, spec.commandLine().getErr()).files());
        if (files.isEmpty()) {
            throw new UserException(ExitCodes.UNREADABLE, "check.noInputs", inputs, CheckRunner.FORMATS);
        }
        CheckRunner runner = overrides.runner(layout);
        PreviousYear last = previous == null ? null : PreviousYear.load(previous, new CheckRunner(layout, null, null));
        PrintWriter out = spec.commandLine().getOut();
        io.xxgk.util.Timing.phase("layout+inputs");
        Progress progress = Progress.besideResults(spec.commandLine().getErr(), files.size());
        // Results come in file order and are written as they come: nothing is held for the end.
        int code = ResultStream.run(runner, files, out, progress, format == OutputFormat.json, (checked, json) -> {
            CheckResult r = withLastYear(checked, last, layout);
            annotateIfAsked(Path.of(r.file()), r);
            if (json != null) {
                json.add(toJson(r));
            } else {
                printText(r, out);
            }
            out.flush();
            io.xxgk.util.Timing.phase("read+check");
            return r;
        });
        return failedCopies > 0 ? ExitCodes.UNREADABLE : code;
    }

    /** The inputs without the annotated copies of an earlier run (the --annotate folder inside an input folder). */
    private List<Path> withoutAnnotated(List<Path> files) {
        if (annotate == null) {
            return files;
        }
        List<Path> kept = InputFiles.outside(files, annotate);
        if (kept.size() < files.size()) {
            spec.commandLine().getErr().println(Messages.get("check.skipAnnotated", files.size() - kept.size(), annotate));
        }
        return kept;
    }

    private static CheckResult withLastYear(CheckResult r, PreviousYear last, Layout layout) {
        if (last == null || r.unreadable()) {
            return r;
        }
        CheckResult lastYear = last.find(r.identity());
        return r.withFindings(lastYear == null ? List.of(CrossYear.none(r)) : CrossYear.compare(layout, r, lastYear));
    }

    private void annotateIfAsked(Path f, CheckResult r) throws UserException {
        if (annotate == null || r.unreadable() || r.findings().isEmpty()) {
            return;
        }
        if (io.xxgk.ingest.text.ReportText.handles(f)) {
            // A published report is not a workbook to mark up; import it to get one.
            spec.commandLine().getErr().println(Messages.get("check.annotateReport", f));
            return;
        }
        annotate(f, r);
    }

    private void annotate(Path input, CheckResult r) throws UserException {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        // Unique within the run: two inputs of one name (in two folders) get two copies.
        Path target = annotate.resolve(annotatedNames.next(name.substring(0, dot) + "-问题标注", name.substring(dot)));
        while (Files.exists(target) && OutputMark.of(target) != OutputMark.Kind.ANNOTATED) {
            // A file of that name that is not an annotated copy of ours is kept: the copy takes the next name.
            target = annotate.resolve(annotatedNames.next(name.substring(0, dot) + "-问题标注", name.substring(dot)));
        }
        if (target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
            throw new UserException(ExitCodes.USAGE, "check.annotateSelf", input);
        }
        try {
            io.xxgk.excel.Annotator.write(input, r, target);
        } catch (IOException e) {
            annotateFailed(target, io.xxgk.util.IoProblems.writing(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A workbook POI cannot rewrite (garbled styles…): this copy is missing, the others are written.
            annotateFailed(target, io.xxgk.ingest.UnreadableException.reason(e));
        }
    }

    /** Copies that could not be written; the run goes on and ends with exit code 3. */
    private int failedCopies;

    private void annotateFailed(Path target, String why) {
        failedCopies++;
        PrintWriter err = spec.commandLine().getErr();
        err.println(Messages.get("error.prefix") + Messages.get("error.write", target, why));
        err.flush();
    }

    private static void printText(CheckResult r, PrintWriter out) {
        String verdict = r.unreadable() ? Messages.get("check.verdict.unreadable")
                : r.hasErrors() ? Messages.get("check.verdict.errors") : Messages.get("check.verdict.ok");
        out.println(verdict + "  " + Texts.printable(r.file()) + "  "
                + Messages.get("check.counts", r.count(Severity.ERROR), r.count(Severity.WARNING)));
        int cellWidth = r.findings().stream().mapToInt(f -> f.cell() == null ? 0 : DisplayWidth.of(Texts.printable(f.cell())))
                .max().orElse(0);
        // At least one space after the longest severity ("warning" in English was glued to its rule).
        int severityWidth = 1 + java.util.Arrays.stream(Severity.values())
                .mapToInt(s -> DisplayWidth.of(Messages.get("severity." + s.id()))).max().orElse(5);
        for (Finding f : r.findings()) {
            out.println("  " + DisplayWidth.padRight(Messages.get("severity." + f.severity().id()), Math.max(6, severityWidth))
                    + DisplayWidth.padRight(f.rule(), 12)
                    + DisplayWidth.padRight(f.cell() == null ? "" : Texts.printable(f.cell()), cellWidth + 2) + f.message());
        }
    }

    static Map<String, Object> toJson(CheckResult r) {
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
        r.values().forEach((k, v) -> values.put(k, v));
        m.put("values", values);
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
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
        m.put("findings", findings);
        return m;
    }

}
