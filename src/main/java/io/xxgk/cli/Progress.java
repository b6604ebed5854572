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

    /** Shown when a console is attached and there is more than a handful of inputs. */
    static Progress onTerminal(PrintWriter err, int total) {
        return new Progress(err, total, System.console() != null && total > 20);
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
