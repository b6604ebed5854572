package io.xxgk.ingest.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of input formats. A file's format is told by its content first (a renamed file, or
 * one without an ending, is read as what it is) and by its name second (an empty or damaged file is
 * still given to the reader its name says, which then says what is wrong with it). Adding a format
 * is one class and one line here.
 */
public final class Formats {

    /** Every format, in the order they are asked. */
    public static final List<InputFormat> ALL = List.of(
            new XlsxFormat(),
            new XlsFormat(),
            new OdsFormat(),
            new DocxFormat(),
            new PdfFormat(),
            new HtmlFormat(),
            new CsvFormat(),
            new JsonLinesFormat(),
            new TextFormat(),
            new WordBinaryFormat());

    private Formats() {
    }

    /** The format of {@code file}: by its content, else by its name; null when it is none of ours. */
    public static InputFormat of(Path file) {
        Head head = Head.of(file);
        for (InputFormat f : ALL) {
            if (f.takes(head)) {
                return f;
            }
        }
        return byName(head.name());
    }

    /** The format whose ending a (lower-case) name has, or null. */
    public static InputFormat byName(String lowerCaseName) {
        for (InputFormat f : ALL) {
            if (f.named(lowerCaseName)) {
                return f;
            }
        }
        return null;
    }

    /** The format a file's name says, or null. */
    public static InputFormat byName(Path file) {
        return file.getFileName() == null ? null : byName(file.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    /**
     * True for a file to read as an input: one whose name says a format of ours, or, when its name
     * says none, whose content is one. A folder of well-named workbooks costs no read here.
     */
    public static boolean takes(Path file) {
        return byName(file) != null || of(file) != null;
    }

    /** True for a published report (not a workbook) in a format that is read, by its name or else its content. */
    public static boolean takesReport(Path file) {
        InputFormat f = byName(file);
        if (f == null) {
            f = of(file);
        }
        return f != null && !f.workbook() && f.readable();
    }

    /** The endings of the workbooks' formats that are read. */
    public static String workbookEndings() {
        return ALL.stream().filter(f -> f.readable() && f.workbook()).flatMap(f -> f.extensions().stream())
                .collect(Collectors.joining(" "));
    }

    /** The endings of the published reports' formats that are read. */
    public static String reportEndings() {
        return ALL.stream().filter(f -> f.readable() && !f.workbook()).flatMap(f -> f.extensions().stream())
                .collect(Collectors.joining(" "));
    }

    /** The endings of the formats that are read, for help texts and messages: ".xlsx .xlsm .xls …". */
    public static String readableEndings() {
        return ALL.stream().filter(InputFormat::readable).flatMap(f -> f.extensions().stream())
                .collect(Collectors.joining(" "));
    }

    /** True when a name says another format of {@code self}'s container: the name decides between them. */
    static boolean namedAsAnother(String lowerCaseName, Format self) {
        for (InputFormat f : ALL) {
            if (f != self && f.named(lowerCaseName) && f instanceof Format other && other.container() == self.container()) {
                return true;
            }
        }
        return false;
    }
}
