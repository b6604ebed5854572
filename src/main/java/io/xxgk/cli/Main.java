package io.xxgk.cli;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.format.Formats;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.IoProblems;
import io.xxgk.util.RunFiles;
import io.xxgk.util.Timing;
import io.xxgk.util.UserException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** Entry point: sets the language, runs one subcommand and turns every outcome into an exit code. */
public final class Main {

    static {
        // POI logs through log4j-api; without a provider it would print a warning on every run.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        Timing.start(err);
        int code = run(args, out, err);
        Timing.phase("end");
        System.exit(code);
    }

    /** Runs the command line; returns the exit code. Only {@link #main} exits the JVM. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try (RunFiles run = RunFiles.start(err)) {
            RunFiles.onInterrupt(Messages.get("run.interrupted"));
            Timing.phase("run-folder");
            return execute(args, out, err);
        } catch (IOException e) {
            err.println(Messages.get("error.prefix") + Messages.get("error.tempFolder", IoProblems.writing(e)));
            return ExitCodes.UNREADABLE;
        }
    }

    /**
     * Runs one command inside a run already started (its temporary folder in place): the web page
     * runs the commands this way, so a check or a merge from the page is the command line's own.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        // The help texts name the formats read as the registry has them (picocli's ${sys:…}).
        System.setProperty("xxgk.workbooks", Formats.workbookEndings());
        System.setProperty("xxgk.reports", Formats.reportEndings());
        Locale locale;
        try {
            locale = localeFrom(args);
        } catch (IllegalArgumentException e) {
            err.println(Messages.get("error.prefix") + e.getMessage());
            return ExitCodes.USAGE;
        }
        Messages.use(locale);
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cmd = new CommandLine(new XxgkCommand());
        XxgkCommand.addSubcommands(cmd, args);
        cmd.setResourceBundle(Messages.bundle());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        Timing.phase("command-line");
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println(Messages.get("error.prefix") + usage(ex));
            err.println(Messages.get("error.hint", ex.getCommandLine().getCommandSpec().qualifiedName()));
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserException ue) {
                err.println(Messages.get("error.prefix") + ue.userMessage());
                if (debug) {
                    ex.printStackTrace(err);
                }
                return ue.exitCode();
            }
            if (IoProblems.noSpace(ex) || IoProblems.savingWithoutSpace(ex, Path.of(System.getProperty("java.io.tmpdir")))) {
                // A full disk is no fault of ours: said as such (POI wrapped it as "Failed to save: content types part").
                err.println(Messages.get("error.prefix") + Messages.get("error.noSpace", System.getProperty("java.io.tmpdir")));
                if (debug) {
                    ex.printStackTrace(err);
                }
                return ExitCodes.UNREADABLE;
            }
            err.println(Messages.get("error.prefix") + Messages.get("error.internal", String.valueOf(ex)));
            if (debug) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        return cmd.execute(args);
    }

    /** picocli's usage errors in the user's language, naming the option meant where picocli can tell. */
    static String usage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            String given = String.join(" ", u.getUnmatched());
            List<String> meant = u.getSuggestions();
            return meant.isEmpty() ? Messages.get("usage.unknown", given)
                    : Messages.get("usage.didYouMean", given, String.join(Messages.get("usage.or"), meant));
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            List<String> names = new ArrayList<>();
            for (CommandLine.Model.ArgSpec arg : m.getMissing()) {
                names.add(arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel());
            }
            return Messages.get("usage.missing", String.join(Messages.get("usage.and"), names));
        }
        CommandLine.Model.ArgSpec arg = ex.getArgSpec();
        if (arg != null && ex.getValue() != null) {
            String name = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
            return Messages.get("usage.invalid", ex.getValue(), name);
        }
        return ex.getMessage();
    }

    /** The language from {@code --lang X} or {@code --lang=X}, read before picocli builds the help. */
    static Locale localeFrom(String[] args) {
        String lang = "zh";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                lang = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            }
        }
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "cn" -> Messages.CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> {
                Messages.use(Messages.CHINESE);
                throw new IllegalArgumentException(Messages.get("error.lang", lang));
            }
        };
    }
}
