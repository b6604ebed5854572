package io.xxgk.pipeline;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Reads and checks files on several threads and hands each result over in file order, on the
 * calling thread, to work that may stop the run with a user mistake or fail writing.
 */
final class InOrder {

    /** What is done with each result (or what the reader threads made of it), in file order. */
    @FunctionalInterface
    interface Each<T> {
        void accept(T result) throws UserException, IOException;
    }

    private InOrder() {
    }

    static void run(CheckRunner runner, List<Path> files, RunListener listener, Each<CheckResult> each)
            throws UserException, IOException, InterruptedException, ExecutionException {
        run(runner, files, listener, Function.identity(), each);
    }

    /** As above, {@code onReader} applied to each result on the thread that read it (work that need not wait its turn). */
    static <T> void run(CheckRunner runner, List<Path> files, RunListener listener, Function<CheckResult, T> onReader,
                        Each<T> each) throws UserException, IOException, InterruptedException, ExecutionException {
        listener.started(files.size());
        try {
            runner.runAll(files, onReader, r -> {
                try {
                    each.accept(r);
                } catch (UserException e) {
                    throw new Stop(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                listener.step();
            });
        } catch (Stop e) {
            throw e.cause;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            listener.finished();
        }
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
