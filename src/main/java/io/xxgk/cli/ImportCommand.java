package io.xxgk.cli;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Severity;
import io.xxgk.i18n.Messages;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.SafeFileNames;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xxgk import REPORT...}: reads published reports (text, web page, Word, PDF) and writes
 * each as our workbook, filled, so it can be checked, annotated, merged and carried over like any
 * submission; or prints the JSON of {@code xxgk check}.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "REPORT|DIR", arity = "1..*", descriptionKey = "import.reports")
    List<Path> reports;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xlsx|DIR", descriptionKey = "import.output")
    Path output;

    @Mixin
    ReportOverrides overrides;

    @Option(names = "--format", paramLabel = "text|json", descriptionKey = "format")
    OutputFormat format = OutputFormat.text;

    @Mixin
    LayoutOption layoutOption;

    @Option(names = "--force", descriptionKey = "force")
    boolean force;

    @Option(names = "--show", descriptionKey = "import.show")
    boolean show;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Layout layout = layoutOption.resolve();
        if (show) {
            return show(layout);
        }
        if (output == null && format == OutputFormat.text) {
            throw new UserException(ExitCodes.USAGE, "import.needOutput");
        }
        boolean oneFile = output != null && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        if (oneFile && reports.size() > 1) {
            throw new UserException(ExitCodes.USAGE, "import.oneFile");
        }
        CheckRunner runner = overrides.runner(layout);
        PrintWriter err = spec.commandLine().getErr();
        SafeFileNames names = new SafeFileNames();
        List<Path> files = io.xxgk.util.InputFiles.expand(reports, io.xxgk.ingest.format.Formats::takesReport);
        if (files.isEmpty()) {
            throw new UserException(ExitCodes.UNREADABLE, "check.noInputs", reports, io.xxgk.ingest.format.Formats.reportEndings());
        }
        if (oneFile && files.size() > 1) {
            throw new UserException(ExitCodes.USAGE, "import.oneFile");
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.besideResults(err, files.size());
        // Reports are read on several threads; each is written and listed in file order as it comes.
        return ResultStream.run(runner, files, out, progress, format == OutputFormat.json, (r, json) -> {
            Path report = Path.of(r.file());
            progress.clear();
            if (output != null && r.noTables()) {
                // Nothing to import: an empty workbook would only pass for one.
                err.println(Messages.get("error.prefix") + Messages.get("import.noTables", report));
            } else if (output != null && !r.unreadable()) {
                Path target = oneFile ? output : output.resolve(names.next(baseName(r, report), ".xlsx"));
                write(layout, r, target);
                err.println(Messages.get("import.written", report, target, r.count(Severity.ERROR),
                        r.count(Severity.WARNING)));
            } else if (r.unreadable()) {
                err.println(Messages.get("error.prefix") + r.findings().get(0).message() + "：" + report);
            }
            if (json != null) {
                json.add(io.xxgk.report.CheckReport.json(r));
            }
            return r;
        });
    }

    /** Prints what the reader saw in each report, with the key of every value it took. */
    private int show(Layout layout) throws UserException {
        List<Path> files = io.xxgk.util.InputFiles.expand(reports, io.xxgk.ingest.format.Formats::takesReport);
        PrintWriter out = spec.commandLine().getOut();
        int exit = ExitCodes.OK;
        for (Path f : files) {
            try {
                out.print(io.xxgk.ingest.text.ReportView.show(f, layout));
            } catch (io.xxgk.ingest.UnreadableException e) {
                spec.commandLine().getErr().println(Messages.get("error.prefix") + e.getMessage() + "：" + f);
                exit = ExitCodes.UNREADABLE;
            }
            out.flush();
        }
        return exit;
    }

    private static String baseName(CheckResult r, Path report) {
        String name = r.identity().get(IdentityField.NAME).orElse(null);
        if (name != null) {
            return name + r.identity().get(IdentityField.YEAR).map(y -> "-" + y).orElse("");
        }
        String f = report.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private void write(Layout layout, CheckResult r, Path target) throws UserException {
        Map<String, BigDecimal> values = new HashMap<>();
        io.xxgk.schema.CombinedRow.asParts(layout, r.values()).forEach((k, v) -> {
            if (v != null && layout.hasKey(k)) {
                values.put(k, v);
            }
        });
        try {
            io.xxgk.pipeline.OutputGuard.check(target, force, io.xxgk.ingest.excel.OutputMark.Kind.IMPORTED,
                    List.of(Path.of(r.file())), layout);
            new TemplateWriter(layout).write(r.identity(), values, target, force, io.xxgk.ingest.excel.OutputMark.Kind.IMPORTED);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", target);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", target, io.xxgk.util.IoProblems.writing(e));
        }
    }
}
