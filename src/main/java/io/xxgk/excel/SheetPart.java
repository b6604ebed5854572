package io.xxgk.excel;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * A worksheet part written straight as XML and deflated into a file, as a zip entry holds it, for
 * the summary's large sheets (明细, 问题清单): at 10,000 inputs they are millions of cells, and POI's
 * streaming cell objects took seconds more than reading every input. {@link SummaryWriter} puts the
 * file into the workbook as it is. The cells are those POI would write: numbers exactly as their
 * decimal, text as inline strings (never formulas, so "=…" stays text), characters XML cannot hold
 * replaced by "?" as POI's SheetDataWriter does.
 */
final class SheetPart implements Closeable {

    /** The part as written: its file (raw deflate), CRC-32, and sizes before and after deflating. */
    record Written(Path file, long crc, long size, long compressedSize) {
    }

    /**
     * How the sheet looks: its last row and column (1-based row, 0-based column), the top rows and
     * left columns kept in view, column widths in characters by 0-based column, and whether it is
     * printed fitted to the page's width (a list of a few columns; landscape A4 either way).
     */
    record Form(int lastRow, int lastColumn, int frozenRows, int frozenColumns, Map<Integer, Integer> widths,
                boolean fitWidth) {
    }

    /**
     * The print scale of a sheet too wide to fit a page (明细: hundreds of columns): small enough for
     * about twelve value columns a page beside the repeated names, large enough to read.
     */
    static final int WIDE_SCALE = 65;

    private static final byte[] ROW_OPEN = ascii("<row r=\"");
    private static final byte[] ROW_OPEN_END = ascii("\">");
    private static final byte[] ROW_CLOSE = ascii("</row>");
    private static final byte[] CELL_OPEN = ascii("<c r=\"");
    private static final byte[] NUMBER_TYPE = ascii("\"><v>");
    private static final byte[] NUMBER_CLOSE = ascii("</v></c>");
    private static final byte[] TEXT_TYPE = ascii("\" t=\"inlineStr\"><is><t>");
    private static final byte[] TEXT_PRESERVE = ascii("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] TEXT_CLOSE = ascii("</t></is></c>");

    private final Path file;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final OutputStream out;
    private final byte[][] columns;
    private final CRC32 crc = new CRC32();
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private long size;
    private byte[] rowDigits;
    private final boolean fitToWidth;

    SheetPart(Path file, Form form) throws IOException {
        this.file = file;
        this.fitToWidth = form.fitWidth();
        this.out = new DeflaterOutputStream(Files.newOutputStream(file), deflater, 1 << 16);
        this.columns = new byte[form.lastColumn() + 1][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ascii(CellReference.convertNumToColString(c));
        }
        StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        if (form.fitWidth()) {
            head.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        }
        head.append("<dimension ref=\"A1:").append(CellReference.convertNumToColString(form.lastColumn()))
                .append(Math.max(1, form.lastRow())).append("\"/><sheetViews><sheetView workbookViewId=\"0\">");
        if (form.frozenRows() > 0 || form.frozenColumns() > 0) {
            String pane = form.frozenRows() > 0 && form.frozenColumns() > 0 ? "bottomRight"
                    : form.frozenRows() > 0 ? "bottomLeft" : "topRight";
            head.append("<pane");
            if (form.frozenColumns() > 0) {
                head.append(" xSplit=\"").append(form.frozenColumns()).append('"');
            }
            if (form.frozenRows() > 0) {
                head.append(" ySplit=\"").append(form.frozenRows()).append('"');
            }
            head.append(" topLeftCell=\"").append(new CellReference(form.frozenRows(), form.frozenColumns()).formatAsString())
                    .append("\" activePane=\"").append(pane).append("\" state=\"frozen\"/><selection pane=\"")
                    .append(pane).append("\"/>");
        }
        head.append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!form.widths().isEmpty()) {
            head.append("<cols>");
            new TreeMap<>(form.widths()).forEach((c, w) -> head.append("<col min=\"").append(c + 1)
                    .append("\" max=\"").append(c + 1).append("\" width=\"").append(w).append("\" customWidth=\"1\"/>"));
            head.append("</cols>");
        }
        head.append("<sheetData>");
        put(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Starts row {@code r} (1-based, ascending), ending the one before. */
    void row(int r) throws IOException {
        row(r, 0);
    }

    /** Starts row {@code r} of {@code height} points (0: the default height). */
    void row(int r, double height) throws IOException {
        endRow();
        if (pos > buf.length - (1 << 12)) {
            flush();
        }
        rowDigits = ascii(Integer.toString(r));
        put(ROW_OPEN);
        put(rowDigits);
        if (height > 0) {
            put(ascii("\" ht=\"" + height + "\" customHeight=\"1"));
        }
        put(ROW_OPEN_END);
    }

    private void endRow() {
        if (rowDigits != null) {
            put(ROW_CLOSE);
            rowDigits = null;
        }
    }

    /** A text cell (none for empty text); {@code style} is a cell style index, or 0. */
    void text(int col, String s, int style) {
        if (s == null || s.isEmpty()) {
            return;
        }
        boolean preserve = Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
        open(col);
        if (style != 0) {
            put(ascii("\" s=\"" + style));
        }
        put(preserve ? TEXT_PRESERVE : TEXT_TYPE);
        put(escape(s).getBytes(StandardCharsets.UTF_8));
        put(TEXT_CLOSE);
    }

    void text(int col, String s) {
        text(col, s, 0);
    }

    void number(int col, long v) {
        open(col);
        put(NUMBER_TYPE);
        digits(v);
        put(NUMBER_CLOSE);
    }

    /** A number exactly as its decimal (none for null). */
    void decimal(int col, BigDecimal v) {
        if (v == null) {
            return;
        }
        if (v.scale() == 0 && v.precision() < 19) {
            number(col, v.longValue());
            return;
        }
        open(col);
        put(NUMBER_TYPE);
        put(ascii(v.toPlainString()));
        put(NUMBER_CLOSE);
    }

    /** Ends the sheet and the file. */
    Written finish() throws IOException {
        endRow();
        put(("</sheetData><pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" "
                + "header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\""
                + (fitToWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"" : " scale=\"" + WIDE_SCALE + "\"")
                + "/><headerFooter><oddHeader>&amp;C&amp;A</oddHeader>"
                + "<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter></worksheet>")
                .getBytes(StandardCharsets.UTF_8));
        flush();
        out.close();
        return new Written(file, crc.getValue(), size, deflater.getBytesWritten());
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            deflater.end();
        }
    }

    private void flush() throws IOException {
        crc.update(buf, 0, pos);
        size += pos;
        out.write(buf, 0, pos);
        pos = 0;
    }

    private void open(int col) {
        put(CELL_OPEN);
        put(columns[col]);
        put(rowDigits);
    }

    /** Text as XML character data; characters XML 1.0 cannot hold become "?". */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\r' -> "&#13;";
                case '\t', '\n' -> null;
                default -> c < 0x20 || c == 0xFFFE || c == 0xFFFF || lone(s, i) ? "?" : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** A surrogate without its other half at {@code i}. */
    private static boolean lone(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private void digits(long v) {
        if (v >= 0 && v < 10) {
            put((byte) ('0' + v));
            return;
        }
        put(ascii(Long.toString(v)));
    }

    private void put(byte[] b) {
        if (pos + b.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + b.length));
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void put(byte b) {
        if (pos == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[pos++] = b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
