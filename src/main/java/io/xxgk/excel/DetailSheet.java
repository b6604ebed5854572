package io.xxgk.excel;

import io.xxgk.merge.MergeInput;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.CellDef;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * The sheet 明细 as a whole worksheet part, deflated into a file on its own thread while POI builds
 * the rest of the summary; {@link SummaryWriter} then puts it into the workbook as it is. At 10,000
 * inputs it is two million cells: through POI's streaming cell objects, and after POI's build, it
 * took longer than reading every input. The cells are those POI would write: numbers exactly as
 * their decimal, text as inline strings (never formulas, so "=…" stays text), characters XML cannot
 * hold replaced by "?" as POI's SheetDataWriter does.
 */
final class DetailSheet {

    /** The columns before the values, as their headers. */
    static final List<String> HEAD = List.of("序号", IdentityField.NAME.label(), IdentityField.CREDIT_CODE.label(),
            IdentityField.REGION_CODE.label(), IdentityField.PARENT.label(), IdentityField.YEAR.label(), "文件",
            "状态", "错误数", "警告数");
    static final int LEAD = HEAD.size();

    private static final byte[] ROW_OPEN = ascii("<row r=\"");
    private static final byte[] ROW_OPEN_END = ascii("\">");
    private static final byte[] ROW_CLOSE = ascii("</row>");
    private static final byte[] CELL_OPEN = ascii("<c r=\"");
    private static final byte[] NUMBER_TYPE = ascii("\"><v>");
    private static final byte[] NUMBER_CLOSE = ascii("</v></c>");
    private static final byte[] TEXT_PRESERVE = ascii("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] TEXT_TYPE = ascii("\" t=\"inlineStr\"><is><t>");
    private static final byte[] TEXT_CLOSE = ascii("</t></is></c>");

    /** The part as written: its file (raw deflate), CRC-32, and sizes before and after deflating. */
    record Written(Path file, long crc, long size, long compressedSize) {
    }

    private static final int HEADER_ROWS = 2;

    private final List<MergeInput> inputs;
    private final List<CellDef> cells;
    private final int headerStyle;
    private final byte[][] columns;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private final CRC32 crc = new CRC32();
    private long size;

    /** {@code headerStyle}: the index of the cell style of the label row. */
    DetailSheet(List<MergeInput> inputs, List<CellDef> cells, int headerStyle) {
        this.inputs = inputs;
        this.cells = cells;
        this.headerStyle = headerStyle;
        this.columns = new byte[LEAD + cells.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ascii(CellReference.convertNumToColString(c));
        }
    }

    /** Writes the part, deflated without a zip header (as a zip entry holds it), to {@code file}. */
    Written write(Path file) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            try (OutputStream out = new DeflaterOutputStream(Files.newOutputStream(file), deflater, 1 << 16)) {
                String last = CellReference.convertNumToColString(columns.length - 1) + (HEADER_ROWS + inputs.size());
                put(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<dimension ref=\"A1:" + last + "\"/><sheetViews><sheetView workbookViewId=\"0\">"
                        + "<pane xSplit=\"2\" ySplit=\"2\" topLeftCell=\"C3\" activePane=\"bottomRight\" state=\"frozen\"/>"
                        + "<selection pane=\"bottomRight\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
                        + "<cols><col min=\"2\" max=\"2\" width=\"30\" customWidth=\"1\"/>"
                        + "<col min=\"7\" max=\"7\" width=\"30\" customWidth=\"1\"/></cols><sheetData>"));
                header();
                int n = HEADER_ROWS + 1;
                for (MergeInput in : inputs) {
                    row(in, n, n - HEADER_ROWS);
                    n++;
                    if (pos > buf.length - (1 << 12)) {
                        flush(out);
                    }
                }
                put(ascii("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
                        + "header=\"0.3\" footer=\"0.3\"/></worksheet>"));
                flush(out);
            }
            return new Written(file, crc.getValue(), size, deflater.getBytesWritten());
        } finally {
            deflater.end();
        }
    }

    private void flush(OutputStream out) throws IOException {
        crc.update(buf, 0, pos);
        size += pos;
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** The official label of every column (bold), then the cell key of every value column. */
    private void header() {
        byte[] one = ascii("1");
        byte[] styled = ascii("\" s=\"" + headerStyle + "\" t=\"inlineStr\"><is><t>");
        put(ROW_OPEN);
        put(one);
        put(ROW_OPEN_END);
        for (int c = 0; c < columns.length; c++) {
            String label = c < LEAD ? HEAD.get(c) : cells.get(c - LEAD).displayLabel();
            open(c, one, styled);
            put(escape(label).getBytes(StandardCharsets.UTF_8));
            put(TEXT_CLOSE);
        }
        put(ROW_CLOSE);
        byte[] two = ascii("2");
        put(ROW_OPEN);
        put(two);
        put(ROW_OPEN_END);
        for (int i = 0; i < cells.size(); i++) {
            text(LEAD + i, two, cells.get(i).key());
        }
        put(ROW_CLOSE);
    }

    private void row(MergeInput in, int r, int seq) {
        byte[] rowDigits = ascii(Integer.toString(r));
        put(ROW_OPEN);
        put(rowDigits);
        put(ROW_OPEN_END);
        number(0, rowDigits, seq);
        Identity id = in.identity();
        text(1, rowDigits, in.name());
        text(2, rowDigits, id.get(IdentityField.CREDIT_CODE).orElse(""));
        text(3, rowDigits, id.get(IdentityField.REGION_CODE).orElse(""));
        text(4, rowDigits, id.get(IdentityField.PARENT).orElse(""));
        text(5, rowDigits, id.get(IdentityField.YEAR).orElse(""));
        text(6, rowDigits, in.file());
        text(7, rowDigits, in.status().label());
        number(8, rowDigits, in.errors());
        number(9, rowDigits, in.warnings());
        for (int i = 0; i < cells.size(); i++) {
            BigDecimal v = in.value(i);
            if (v != null) {
                decimal(LEAD + i, rowDigits, v);
            }
        }
        put(ROW_CLOSE);
    }

    private void open(int col, byte[] rowDigits, byte[] type) {
        put(CELL_OPEN);
        put(columns[col]);
        put(rowDigits);
        put(type);
    }

    private void number(int col, byte[] rowDigits, long v) {
        open(col, rowDigits, NUMBER_TYPE);
        digits(v);
        put(NUMBER_CLOSE);
    }

    private void decimal(int col, byte[] rowDigits, BigDecimal v) {
        open(col, rowDigits, NUMBER_TYPE);
        if (v.scale() == 0 && v.precision() < 19) {
            digits(v.longValue());
        } else {
            put(ascii(v.toPlainString()));
        }
        put(NUMBER_CLOSE);
    }

    private void text(int col, byte[] rowDigits, String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        boolean preserve = Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
        open(col, rowDigits, preserve ? TEXT_PRESERVE : TEXT_TYPE);
        put(escape(s).getBytes(StandardCharsets.UTF_8));
        put(TEXT_CLOSE);
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
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        if (v < 10) {
            put((byte) ('0' + v));
            return;
        }
        put(ascii(Long.toString(v)));
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
