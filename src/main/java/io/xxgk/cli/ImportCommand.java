package io.xxgk.cli;

import io.xxgk.pipeline.ImportService;
import io.xxgk.report.CheckReport;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Option(names = "--previous", paramLabel = "FILE|DIR", descriptionKey = "import.previous")
    Path previous;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Listener listener = new Listener(spec.commandLine().getErr(), true);
        if (show) {
            return ImportService.show(reports, layoutOption.resolve(), previous, text -> {
                out.print(text);
                out.flush();
            }, listener);
        }
        if (output == null && format == OutputFormat.text) {
            throw new UserException(ExitCodes.USAGE, "import.needOutput");
        }
        ImportService.Request request = new ImportService.Request(reports, output, layoutOption.resolve(),
                overrides.agency(), overrides.year(), force, previous);
        // Reports are read on several threads; each is written and listed in file order as it comes.
        try (Json.ArrayWriter json = format == OutputFormat.json ? new Json.ArrayWriter(out) : null) {
            return ImportService.run(request, listener, imported -> {
                if (json != null) {
                    json.add(CheckReport.importedJson(imported.result()));
                }
            });
        } finally {
            out.flush();
        }
    }
}
