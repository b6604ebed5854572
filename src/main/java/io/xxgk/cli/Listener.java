package io.xxgk.cli;

import io.xxgk.pipeline.RunListener;
import java.io.PrintWriter;

/** A run heard on the terminal: its notes on standard error, progress there when it is a terminal. */
class Listener implements RunListener {

    private final PrintWriter err;
    private final boolean besideResults;
    private Progress progress;

    /** {@code besideResults}: results are printed on standard output as they come (check, import). */
    Listener(PrintWriter err, boolean besideResults) {
        this.err = err;
        this.besideResults = besideResults;
    }

    @Override
    public void note(String line) {
        if (progress != null) {
            progress.clear();
        }
        err.println(line);
        err.flush();
    }

    @Override
    public void started(int total) {
        progress = besideResults ? Progress.besideResults(err, total) : Progress.onTerminal(err, total);
    }

    @Override
    public void step() {
        progress.step();
    }

    @Override
    public void finished() {
        if (progress != null) {
            progress.done();
        }
    }
}
