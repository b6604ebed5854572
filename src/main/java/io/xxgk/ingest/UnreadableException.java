package io.xxgk.ingest;

import io.xxgk.i18n.Messages;
import io.xxgk.util.IoProblems;
import java.util.Locale;

/** An input that cannot be read at all (not a workbook, encrypted, corrupt, a zip bomb…). */
public class UnreadableException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** A reason a clerk understands for a failure to open a file, with the technical detail after it. */
    public static String reason(Throwable e) {
        String plain = IoProblems.reading(e);
        if (plain != null) {
            return plain + " (" + IoProblems.detail(e) + ")";
        }
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String m = all.toString().toLowerCase(Locale.ROOT);
        String key;
        if (m.contains("zip bomb")) {
            key = "reason.zipBomb";
        } else if (m.contains("strict ooxml")) {
            key = "reason.strict";
        } else if (m.contains("unsupported file type") || m.contains("no valid entries") || m.contains("not a valid")) {
            key = "reason.notWorkbook";
        } else {
            key = "reason.corrupt";
        }
        return Messages.get(key) + " (" + IoProblems.detail(e) + ")";
    }
}
