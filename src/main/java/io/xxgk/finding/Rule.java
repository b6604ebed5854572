package io.xxgk.finding;


/**
 * The catalogue of checks ({@code xxgk rules}): stable id, severity, description key. Every finding
 * is made from its rule ({@link Finding#of}), which gives it its severity.
 */
public enum Rule {
    /** A value of the tables not read (a row or column not found, printed twice, more numbers than cells). */
    READ("READ", Severity.ERROR),
    /** The file cannot be opened or read at all. */
    READ_FILE("READ-FILE", Severity.ERROR),
    /** None of the layout's tables is in the file. */
    READ_TABLES("READ-TABLES", Severity.ERROR),
    /** The tables are of another layout (read again in that one where it is known). */
    READ_LAYOUT("READ-LAYOUT", Severity.ERROR),
    /** A label matched the official one only nearly; read as the nearest. */
    READ_LABEL("READ-LABEL", Severity.WARNING),
    /** The agency or year taken from the file's name. */
    READ_NAME("READ-NAME", Severity.WARNING),
    /** Numbers printed glued together or a row longer than its cells, read by the one way the sums allow. */
    READ_SPLIT("READ-SPLIT", Severity.WARNING),
    /** A combined row printed for its parts: the parts left blank, the row checked as one. */
    READ_COMBINED("READ-COMBINED", Severity.INFO),
    T3_ROW("T3-ROW", Severity.ERROR),
    T3_COL("T3-COL", Severity.ERROR),
    T3_BAL("T3-BAL", Severity.ERROR),
    T4_SUM("T4-SUM", Severity.ERROR),
    VAL_NUM("VAL-NUM", Severity.ERROR),
    VAL_BLANK("VAL-BLANK", Severity.WARNING),
    VAL_TEXT("VAL-TEXT", Severity.WARNING),
    VAL_UNIT("VAL-UNIT", Severity.WARNING),
    VAL_NOTE("VAL-NOTE", Severity.WARNING),
    VAL_EMPTY("VAL-EMPTY", Severity.ERROR),
    /** A formula where a number is typed: its saved result is taken, the agency asked for the number. */
    VAL_FORMULA("VAL-FORMULA", Severity.WARNING),
    /** A sum not checked because a cell in it failed VAL-*: said at its total, as information. */
    SUM_UNCHECKED("SUM-UNCHECKED", Severity.INFO),
    ID_REQUIRED("ID-REQUIRED", Severity.ERROR),
    ID_FORMAT("ID-FORMAT", Severity.WARNING),
    ID_LAYOUT("ID-LAYOUT", Severity.ERROR),
    ID_PLACE("ID-PLACE", Severity.WARNING),
    /** The same agency twice and nothing to tell which counts (a summary and its unit; equal times). */
    M_DUP("M-DUP", Severity.ERROR),
    /** An identical copy of another submission: counted once. */
    M_SAME("M-SAME", Severity.INFO),
    /** An agency's other submission counts (newer, or picked): the cells that differ are listed. */
    M_NEWER("M-NEWER", Severity.WARNING),
    M_YEAR("M-YEAR", Severity.ERROR),
    M_LAYOUT("M-LAYOUT", Severity.ERROR),
    M_MISSING("M-MISSING", Severity.WARNING),
    M_SUM("M-SUM", Severity.ERROR),
    Y_CARRY("Y-CARRY", Severity.ERROR),
    Y_STOCK("Y-STOCK", Severity.WARNING),
    Y_YEAR("Y-YEAR", Severity.ERROR),
    Y_NONE("Y-NONE", Severity.INFO),
    TXT_RECEIVED("TXT-RECEIVED", Severity.WARNING),
    TXT_GRANTED("TXT-GRANTED", Severity.WARNING),
    TXT_PARTIAL("TXT-PARTIAL", Severity.WARNING),
    TXT_DENIED("TXT-DENIED", Severity.WARNING),
    TXT_UNABLE("TXT-UNABLE", Severity.WARNING),
    TXT_REJECTED("TXT-REJECTED", Severity.WARNING),
    TXT_CARRIED("TXT-CARRIED", Severity.WARNING),
    TXT_REVIEW("TXT-REVIEW", Severity.WARNING),
    TXT_SUIT("TXT-SUIT", Severity.WARNING),
    TXT_UPHELD("TXT-UPHELD", Severity.WARNING),
    TXT_NORMATIVE("TXT-NORMATIVE", Severity.WARNING);

    private final String id;
    private final Severity severity;

    Rule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Message key of the one-line description. */
    public String descriptionKey() {
        return "rule." + id;
    }

    /** The length of the longest id: a column of ids this wide and one space keeps every id apart from what follows. */
    public static int longestId() {
        int n = 0;
        for (Rule r : values()) {
            n = Math.max(n, r.id.length());
        }
        return n;
    }

    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule " + id);
    }
}
