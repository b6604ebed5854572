package io.xxgk.cli;

import io.xxgk.pipeline.CheckRequest;
import io.xxgk.pipeline.CheckService;
import io.xxgk.pipeline.Inputs;
import io.xxgk.report.CheckReport;
import io.xxgk.util.Timing;
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

/** {@code xxgk check FILE|DIR...}: the check service over the inputs, each result printed as it comes. */
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

    @Option(names = "--strict-blank", descriptionKey = "strictBlank")
    boolean strictBlank;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CheckRequest request = new CheckRequest(Inputs.of(inputs), layoutOption.resolve(), overrides.agency(),
                overrides.year(), previous, annotate, strictBlank);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Timing.phase("layout+inputs");
        // Results come in file order and are written as they come: nothing is held for the end.
        try (Json.ArrayWriter json = format == OutputFormat.json ? new Json.ArrayWriter(out) : null) {
            Progress progress = Progress.besideResults(err, 0);
            CheckService.Outcome outcome = CheckService.run(request, new Listener(err, true), checked -> {
                if (checked.note() != null) {
                    progress.clear();
                    err.println(checked.note());
                    err.flush();
                }
                if (json != null) {
                    json.add(CheckReport.json(checked.result()));
                } else {
                    CheckReport.text(checked.result(), strictBlank, out);
                }
                out.flush();
                Timing.phase("read+check");
            });
            return outcome.exitCode();
        } finally {
            out.flush();
        }
    }
}
