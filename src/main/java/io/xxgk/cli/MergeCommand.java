package io.xxgk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.xxgk.i18n.Messages;
import io.xxgk.pipeline.Inputs;
import io.xxgk.pipeline.MergeRequest;
import io.xxgk.pipeline.MergeService;
import io.xxgk.report.JsonOutput;
import io.xxgk.report.MergeReport;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.RunFiles;
import io.xxgk.util.UserException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xxgk merge INPUT... -o SUMMARY.xlsx}: the merge service over the inputs, its outcome printed. */
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
    List<Path> previous = new ArrayList<>();

    @Option(names = "--no-analysis", descriptionKey = "merge.noAnalysis")
    boolean noAnalysis;

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

    @Option(names = "--annotate", paramLabel = "DIR", descriptionKey = "merge.annotate")
    Path annotate;

    @Option(names = "--strict-blank", descriptionKey = "strictBlank")
    boolean strictBlank;

    @Option(names = "--pick", paramLabel = "FILE", descriptionKey = "merge.pick")
    List<Path> picks;

    @Option(names = "--force", descriptionKey = "force")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (output == null && format == OutputFormat.text && expect == null) {
            throw new UserException(ExitCodes.USAGE, "merge.needOutput");
        }
        // The first --previous is last year (cross-year checks); the others are earlier years, for the trend.
        MergeRequest request = new MergeRequest(Inputs.of(inputs), output, roster, expect,
                previous.isEmpty() ? null : previous.get(0), includeInvalid, agency, regionCode, ReportOverrides.checkYear(year),
                layoutOption.explicit() ? layoutOption.resolve() : null, force, picks, annotate, strictBlank,
                previous.size() > 1 ? previous.subList(1, previous.size()) : List.of(), !noAnalysis);
        if (output != null) {
            RunFiles.onInterrupt(output, Messages.get("merge.interrupted", output), Messages.get("merge.interruptedAfterWrite", output));
        }
        PrintWriter err = spec.commandLine().getErr();
        Listener listener = new Listener(err, false) {
            @Override
            public void written(Path summary) {
                RunFiles.onInterrupt(Messages.get("merge.interruptedAfterWrite", summary));
            }
        };
        try (MergeService.Outcome outcome = MergeService.run(request, listener)) {
            if (format == OutputFormat.json) {
                PrintWriter out = spec.commandLine().getOut();
                try (JsonGenerator g = JsonOutput.mapper().getFactory().createGenerator(out)) {
                    g.useDefaultPrettyPrinter();
                    MergeReport.json(outcome, request.inputs(), g);
                }
                out.println();
                out.flush();
                if (outcome.nothingMerged()) {
                    err.println(Messages.get("merge.nothingMerged", outcome.result().inputs().size()));
                    err.flush();
                }
            } else {
                MergeReport.text(outcome, output == null ? null : output.toString(), err);
            }
            if (outcome.returns() != null) {
                err.println(Messages.get("merge.returns", outcome.returns().entries().size(), outcome.returns().list()));
                err.flush();
            }
            return outcome.exitCode();
        }
    }
}
