package io.xxgk.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The first bytes of a file, from which {@link Formats} tells its format: a zip (xlsx, docx, ods), an
 * OLE2 compound file (xls, WPS's et, Word 97 and WPS documents), a PDF, a web page or plain text.
 * An OLE2 file's streams are always looked at ({@link #oleStream}: a workbook saved as .wps is read as
 * the workbook it is). A zip's entries are looked at ({@link #zipEntry}) only when its name does not
 * say which zip format it is, so a folder of thousands of well-named workbooks costs one small read
 * each; a .docx renamed .xlsx goes to the workbook reader, which says it is no workbook.
 */
public final class Head {

    static final int SIZE = 4096;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final Path file;
    private final byte[] bytes;
    private final String name;

    private Head(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
        this.name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** The head of {@code file}; empty when it cannot be read (its reader then says why). */
    static Head of(Path file) {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(SIZE);
        } catch (IOException | RuntimeException e) {
            b = new byte[0];
        }
        return new Head(file, b);
    }

    /** A head of the given bytes (tests). */
    static Head of(Path file, byte[] bytes) {
        return new Head(file, Arrays.copyOf(bytes, Math.min(bytes.length, SIZE)));
    }

    Path file() {
        return file;
    }

    /** The file's name in lower case. */
    String name() {
        return name;
    }

    boolean empty() {
        return bytes.length == 0;
    }

    boolean zip() {
        return startsWith(ZIP);
    }

    boolean ole2() {
        return startsWith(OLE2);
    }

    /** A PDF: "%PDF-" in the first kilobyte (some writers put bytes before it; readers accept that). */
    boolean pdf() {
        int end = Math.min(bytes.length, 1024) - 5;
        for (int i = 0; i <= end; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F' && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /** Text: no NUL byte in the head (UTF-16 files have them; reports are UTF-8 or GB18030). */
    boolean text() {
        if (bytes.length == 0 || zip() || ole2() || pdf()) {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the start, as text (UTF-8, else GB18030), holds one of {@code words}. */
    boolean mentions(String... words) {
        // The head may end inside a character: both decodings, lenient, and a word found in either.
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        String gb = new String(bytes, Charset.forName("GB18030"));
        for (String w : words) {
            if (utf8.contains(w) || gb.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** A web page: text whose start has the marks of HTML. */
    boolean html() {
        if (!text()) {
            return false;
        }
        String s = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return s.contains("<html") || s.contains("<!doctype html") || s.contains("<body") || s.contains("<table")
                || s.contains("<head") || s.contains("<meta ");
    }

    /** True when the zip has an entry of this name (the central directory only is read). */
    boolean zipEntry(String entry) {
        try (ZipFile z = new ZipFile(file.toFile())) {
            return z.getEntry(entry) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True when the OLE2 file's root has a stream of one of these names. */
    boolean oleStream(String... names) {
        try (POIFSFileSystem fs =
                     new POIFSFileSystem(file.toFile(), true)) {
            for (String n : names) {
                if (fs.getRoot().hasEntry(n)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The name has no ending (a file saved without one, or sent by a mail program that dropped it):
     * its content alone says what it is. A file whose name ends in another format's ending (.csv,
     * .png) is that format's, not ours, whatever its bytes look like.
     */
    boolean nameSaysNothing() {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1 || name.length() - dot - 1 > 5) {
            return true;
        }
        for (int i = dot + 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
