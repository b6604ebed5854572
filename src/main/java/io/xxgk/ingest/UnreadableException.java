package io.xxgk.ingest;

/** An input that cannot be read at all (not a workbook, encrypted, corrupt, a zip bomb…). */
public class UnreadableException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
