package io.xxgk.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The top command {@code xxgk}; it only groups the subcommands and the common options. The
 * subcommands are added by {@link #addSubcommands}: picocli builds a command's model by reflection
 * (about 130 ms for all six), so a run of one subcommand builds only that one.
 */
@Command(name = "xxgk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true)
public final class XxgkCommand implements Runnable {

    /** The subcommands in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("template", TemplateCommand::new);
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("merge", MergeCommand::new);
        SUBCOMMANDS.put("import", ImportCommand::new);
        SUBCOMMANDS.put("rules", RulesCommand::new);
        SUBCOMMANDS.put("schema", SchemaCommand::new);
        SUBCOMMANDS.put("web", WebCommand::new);
        SUBCOMMANDS.put("help", HelpCommand::new);
    }

    /**
     * Adds the subcommand {@code args} name, or all of them when they name none of them (help, a
     * typo that picocli should answer with what was meant, no subcommand at all).
     */
    static void addSubcommands(CommandLine cmd, String[] args) {
        String named = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                named = args[i];
                break;
            }
        }
        if (named != null && SUBCOMMANDS.containsKey(named) && !named.equals("help")) {
            cmd.addSubcommand(named, SUBCOMMANDS.get(named).get());
            return;
        }
        SUBCOMMANDS.forEach((name, make) -> cmd.addSubcommand(name, make.get()));
    }

    @picocli.CommandLine.Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
