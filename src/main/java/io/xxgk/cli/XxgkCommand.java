package io.xxgk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top command {@code xxgk}; it only groups the subcommands and the common options. */
@Command(name = "xxgk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {TemplateCommand.class, CheckCommand.class, MergeCommand.class, ImportCommand.class, RulesCommand.class, SchemaCommand.class, HelpCommand.class})
public final class XxgkCommand implements Runnable {

    @picocli.CommandLine.Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
