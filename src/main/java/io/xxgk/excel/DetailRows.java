package io.xxgk.excel;

import io.xxgk.merge.MergeInput;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * The data rows of the sheet 明细 as worksheet XML ({@code <row>} elements for {@code <sheetData>}),
 * written straight to the zip stream: at 10,000 inputs they are two million cells, and going through
 * POI's streaming cell objects took longer than reading every input. Same cells as POI would write:
 * numbers exactly as their decimal, text as inline strings (never formulas, so "=…" stays text),
 * characters XML cannot hold replaced by "?" as POI's SheetDataWriter does.
 */
final class DetailRows {

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

    private final List<MergeInput> inputs;
    private final int values;
    private final byte[][] columns;
    private byte[] buf = new byte[1 << 16];
    private int pos;

    DetailRows(List<MergeInput> inputs, int values) {
        this.inputs = inputs;
        this.values = values;
        this.columns = new byte[LEAD + values][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ascii(CellReference.convertNumToColString(c));
        }
    }

    /** The A1 range the sheet covers when its rows start at {@code firstRow} (0-based). */
    org.apache.poi.ss.util.CellRangeAddress dimension(int firstRow) {
        return new org.apache.poi.ss.util.CellRangeAddress(0, firstRow + inputs.size() - 1, 0, LEAD + values - 1);
    }

    /** Writes one row per input, the first at {@code firstRow} (0-based). */
    void write(OutputStream out, int firstRow) throws IOException {
        int n = firstRow + 1;
        for (MergeInput in : inputs) {
            row(in, n, n - firstRow);
            n++;
            if (pos > buf.length - (1 << 12)) {
                out.write(buf, 0, pos);
                pos = 0;
            }
        }
        out.write(buf, 0, pos);
        pos = 0;
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
        for (int i = 0; i < values; i++) {
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
