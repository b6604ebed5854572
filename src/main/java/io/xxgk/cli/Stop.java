package io.xxgk.cli;

import io.xxgk.util.UserException;

/** Carries a user mistake out of a per-result callback, stopping the command; rethrown as it was. */
final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient UserException cause;

    Stop(UserException cause) {
        super(cause.getMessage(), cause, false, false);
        this.cause = cause;
    }
}
