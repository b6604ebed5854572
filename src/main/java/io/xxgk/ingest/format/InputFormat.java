package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/**
 * One input format (in the spirit of Apache Tika's {@code Parser}): which files it takes, by their
 * content first and their name second, how it reads them, and how an annotated copy is written.
 * Every place that asks "can we read / annotate this file?" asks {@link Formats}.
 */
public interface InputFormat {

    /** How the annotated copy of an input of this format is written. */
    enum Annotation {
        /** A copy of the file itself, marked (POI rewrites the format). */
        COPY,
        /** The values read, written into the official template as an {@code .xlsx}, marked there. */
        AS_XLSX,
        /** None: a published report is no workbook to mark up ({@code import} makes one). */
        NONE
    }

    /** A short stable name: {@code xlsx}, {@code pdf}… */
    String id();

    /** The endings of file names of this format, lower case with the dot; the first is its own. */
    List<String> extensions();

    /** True when the first bytes of a file (and for a zip its entry names) are this format's. */
    boolean takes(Head head);

    /** Reads {@code file} in {@code layout}. */
    SourceReport read(Path file, Layout layout) throws UnreadableException;

    Annotation annotation();

    /** True for a workbook (filled in by an agency), false for a published report. */
    boolean workbook();

    /** False for a format that is recognised only to say what to do with it (save it as another). */
    default boolean readable() {
        return true;
    }

    /** True when a name's ending is this format's. */
    default boolean named(String lowerCaseName) {
        for (String e : extensions()) {
            if (lowerCaseName.endsWith(e)) {
                return true;
            }
        }
        return false;
    }
}
