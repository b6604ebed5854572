package io.xxgk.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Phase times on stderr when the environment variable XXGK_TIMING is set: where a run spends its
 * time (bench/ and the README's performance section use it). Off, it costs a clock read a phase.
 */
public final class Timing {

    private static final boolean ON = System.getenv("XXGK_TIMING") != null;
    private static volatile PrintStream err = System.err;
    private static long last = System.nanoTime();

    private Timing() {
    }

    /** Starts the clock at the entry of main (the JVM's own start: bench/check-one.sh times java -version). */
    public static void start(PrintStream to) {
        err = to;
        last = System.nanoTime();
    }

    /** Ends the phase {@code name} (printed with the time since the last phase ended). */
    public static synchronized void phase(String name) {
        long now = System.nanoTime();
        if (ON) {
            err.printf(Locale.ROOT, "timing %s %.3f s%n", name, (now - last) / 1e9);
            err.flush();
        }
        last = now;
    }
}
