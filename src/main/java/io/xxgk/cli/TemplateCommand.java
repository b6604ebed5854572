package io.xxgk.cli;

import io.xxgk.pipeline.TemplateService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xxgk template}: the fill-in workbook, alone or one per agency of a roster. */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class TemplateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.xlsx", descriptionKey = "template.output")
    Path output;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "template.year")
    String year;

    @Option(names = "--agency", paramLabel = "NAME", descriptionKey = "template.agency")
    String agency;

    @Option(names = "--credit-code", paramLabel = "CODE", descriptionKey = "template.creditCode")
    String creditCode;

    @Option(names = "--region-code", paramLabel = "CODE", descriptionKey = "template.regionCode")
    String regionCode;

    @Option(names = "--parent", paramLabel = "NAME", descriptionKey = "template.parent")
    String parent;

    @Option(names = "--roster", paramLabel = "ROSTER", descriptionKey = "template.roster")
    Path roster;

    @Option(names = "--out-dir", paramLabel = "DIR", descriptionKey = "template.outDir")
    Path outDir;

    @Option(names = "--previous", paramLabel = "FILE|DIR", descriptionKey = "template.previous")
    Path previous;

    @Mixin
    LayoutOption layoutOption;

    @Option(names = "--force", descriptionKey = "force")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TemplateService.Request request = new TemplateService.Request(output, roster, outDir, previous, year, agency,
                creditCode, regionCode, parent, layoutOption.resolve(), force);
        return new TemplateService(request).run(new Listener(spec.commandLine().getErr(), false));
    }
}
