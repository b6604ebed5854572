package io.xxgk.util;

/** Exit codes of every command (STYLE.md); documented in {@code xxgk --help}. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
