package io.xxgk.cli;

import java.io.PrintWriter;

/** A progress line on stderr for long runs, shown only when stderr is a terminal. */
final class Progress {

    private final PrintWriter err;
    private final int total;
    private final boolean shown;
    private int done;

    private Progress(PrintWriter err, int total, boolean shown) {
        this.err = err;
        this.total = total;
        this.shown = shown;
    }

    /**
     * Shown when stderr is a terminal and there is more than a handful of inputs. The launcher
     * tells (XXGK_STDERR_TTY=1 or 0: Java 17 cannot ask about stderr itself); without it, a console
     * attached to the process is taken as the sign.
     */
    static Progress onTerminal(PrintWriter err, int total) {
        String tty = System.getenv("XXGK_STDERR_TTY");
        boolean terminal = tty != null ? tty.equals("1") : System.console() != null;
        return new Progress(err, total, terminal && total > 20);
    }

    void step() {
        done++;
        if (shown && (done % 10 == 0 || done == total)) {
            err.print("\r" + done + "/" + total);
            err.flush();
        }
    }

    void done() {
        if (shown) {
            err.print("\r");
            err.flush();
        }
    }
}
