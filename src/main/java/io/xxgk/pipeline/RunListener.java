package io.xxgk.pipeline;

import java.nio.file.Path;

/**
 * What an entry point hears of a run while it goes: lines for the user (a skipped file, a roster's
 * bad row) as they arise, and progress. The command line prints them on standard error; the web
 * page collects them for its answer.
 */
public interface RunListener {

    /** A line for the user, already in the request's language. */
    default void note(String line) {
    }

    /** The run reads {@code total} inputs. */
    default void started(int total) {
    }

    /** One more input read. */
    default void step() {
    }

    /** The reading is over (progress may be taken off the screen). */
    default void finished() {
    }

    /** The output file is in place (an interrupt from now on loses nothing). */
    default void written(Path output) {
    }

    RunListener NONE = new RunListener() {
    };
}
