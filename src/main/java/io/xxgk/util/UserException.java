package io.xxgk.util;

import io.xxgk.i18n.Messages;

/**
 * A problem the user can fix (a bad option, a file that cannot be read or written): reported as one
 * line with a hint and the given exit code, never as a stack trace.
 */
public class UserException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String key;
    private final transient Object[] args;

    public UserException(int exitCode, String key, Object... args) {
        super(key);
        this.exitCode = exitCode;
        this.key = key;
        this.args = args.clone();
    }

    public UserException(int exitCode, Throwable cause, String key, Object... args) {
        this(exitCode, key, args);
        initCause(cause);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The message in the current language. */
    public String userMessage() {
        return Messages.get(key, args);
    }

    @Override
    public String getMessage() {
        return userMessage();
    }
}
