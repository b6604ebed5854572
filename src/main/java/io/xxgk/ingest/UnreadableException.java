package io.xxgk.ingest;

/** An input that cannot be read at all (not a workbook, encrypted, corrupt, a zip bomb…). */
public class UnreadableException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** A reason a clerk understands for a failure to open a file, with the technical detail after it. */
    public static String reason(Throwable e) {
        String plain = io.xxgk.util.IoProblems.reading(e);
        if (plain != null) {
            return plain + " (" + io.xxgk.util.IoProblems.detail(e) + ")";
        }
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String m = all.toString().toLowerCase(java.util.Locale.ROOT);
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
        return io.xxgk.i18n.Messages.get(key) + " (" + io.xxgk.util.IoProblems.detail(e) + ")";
    }
}
