package io.xxgk.cli;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Checks inputs on several threads and hands each result over in input order as it comes (check,
 * import): JSON array items written at once, progress, and the exit code of the whole run, with
 * nothing held to the end.
 */
final class ResultStream {

    /** What a command does with one result; returns the result its exit code counts. */
    @FunctionalInterface
    interface Handler {
        CheckResult handle(CheckResult result, Json.ArrayWriter json) throws UserException, IOException;
    }

    private ResultStream() {
    }

    /** Runs {@code files}; {@code json}: whether the results are a JSON array on {@code out}. */
    static int run(CheckRunner runner, List<Path> files, PrintWriter out, Progress progress, boolean json,
                   Handler handler) throws UserException, IOException, InterruptedException, ExecutionException {
        boolean[] seen = new boolean[2]; // an unreadable input, an input with errors
        try (Json.ArrayWriter array = json ? new Json.ArrayWriter(out) : null) {
            runner.runAll(files, checked -> {
                try {
                    CheckResult r = handler.handle(checked, array);
                    seen[0] |= r.unreadable();
                    seen[1] |= r.hasErrors();
                } catch (UserException e) {
                    throw new Stop(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.step();
            });
        } catch (Stop e) {
            throw e.cause;
        } finally {
            progress.done();
            out.flush();
        }
        if (seen[0]) {
            return ExitCodes.UNREADABLE;
        }
        return seen[1] ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Carries a user mistake out of the per-result callback, stopping the run; rethrown as it was. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UserException cause;

        Stop(UserException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
