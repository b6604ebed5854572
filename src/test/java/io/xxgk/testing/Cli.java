package io.xxgk.testing;

import io.xxgk.cli.Main;
import io.xxgk.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process, capturing stdout, stderr and the exit code. */
public final class Cli {

    /** What a run printed and returned. */
    public record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            // The language is the process's: a run with --lang en must not leave later tests in English.
            Messages.use(Messages.CHINESE);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
