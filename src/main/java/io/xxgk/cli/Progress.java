package io.xxgk.cli;

import java.io.PrintWriter;

/** A progress line on stderr for long runs, shown only when stderr is a terminal. */
final class Progress {

    private final PrintWriter err;
    private final int total;
    private final boolean shown;
    private int done;
    private int drawn;

    private Progress(PrintWriter err, int total, boolean shown) {
        this.err = err;
        this.total = total;
        this.shown = shown;
    }

    /**
     * Shown when stderr is a terminal and there is more than a handful of inputs. The launcher
     * tells (XXGK_STDERR_TTY, XXGK_STDOUT_TTY = 1 or 0: Java 17 cannot ask about one stream); without
     * it, a console attached to the process is taken as the sign.
     */
    static Progress onTerminal(PrintWriter err, int total) {
        return new Progress(err, total, terminal("XXGK_STDERR_TTY") && total > 20);
    }

    /**
     * As {@link #onTerminal}, but none when stdout is a terminal too: results printed there as they
     * come already show how far the run is, and a progress line would break into them.
     */
    static Progress besideResults(PrintWriter err, int total) {
        return terminal("XXGK_STDOUT_TTY") ? new Progress(err, total, false) : onTerminal(err, total);
    }

    private static boolean terminal(String variable) {
        String tty = System.getenv(variable);
        return tty != null ? tty.equals("1") : System.console() != null;
    }

    void step() {
        done++;
        if (shown && (done % 10 == 0 || done == total)) {
            String text = done + "/" + total;
            err.print("\r" + text);
            err.flush();
            drawn = text.length();
        }
    }

    /** Takes the progress text off its line, so a message (or a result on the same terminal) starts clean. */
    void clear() {
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }

    void done() {
        clear();
    }
}
