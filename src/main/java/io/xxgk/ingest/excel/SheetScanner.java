package io.xxgk.ingest.excel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the wanted cells of a worksheet part in its UTF-8 bytes, for {@link FastXlsxReader}.
 *
 * <p>Why not the StAX parser: at 10,000 workbooks a merge spends most of its time tokenising sheet
 * XML, and a general parser does far more than finding two hundred {@code <c>} elements by their
 * address. This scanner reads a deliberately small subset: elements without prefixes, quoted
 * attributes, comments, processing instructions and CDATA sections skipped, tags checked to nest.
 * Anything else (a DTD, another encoding, a prefixed element, an entity in an address, a wanted cell
 * holding an inline string, a CDATA section or an entity in its value, a cell or row without an
 * address, a wanted cell twice) makes it give up, and the StAX path reads the part instead: it never
 * guesses. Like the StAX path it stops at the last wanted row.
 */
final class SheetScanner {

    private static final int MAX_DEPTH = 64;
    private static final byte[] XML_DECLARATION = bytes("<?xml");
    private static final byte[] ENCODING = bytes("encoding");
    private static final byte[] PI_END = bytes("?>");
    private static final byte[] COMMENT = bytes("<!--");
    private static final byte[] COMMENT_END = bytes("-->");
    private static final byte[] CDATA = bytes("<![CDATA[");
    private static final byte[] CDATA_END = bytes("]]>");
    private static final byte[] ROW_END = bytes("</row");
    private static final byte[] SHEET_DATA = bytes("sheetData");

    private final byte[] b;
    private final int end;
    private int p;
    private final int[] stackStart = new int[MAX_DEPTH];
    private final int[] stackLength = new int[MAX_DEPTH];
    private int depth;

    // The start tag just read: its name (and which of ours it is), whether it closes itself, and its r and t attributes.
    private int nameStart;
    private int nameLength;
    private int tag;
    private boolean selfClosing;
    private int rStart;
    private int rEnd;
    private int tStart;
    private int tEnd;

    private final FastXlsxReader.SheetPlan plan;
    /** The plan index of the {@code <c>} just read, or -1 when it is not wanted. */
    private int slot;
    /** Wanted cells of the current row not yet found. */
    private int rowWanted;
    /** The row of the current {@code <row>} (rows must ascend) and of the {@code <c>} just read (0-based; -1 before any). */
    private int currentRow = -1;
    /** Whether the end tag just read closed {@code <sheetData>}: no cell comes after it. */
    private boolean closedSheetData;
    private int cellRow;
    /** The column of the {@code <c>} just read, and of the one before it in the row (-1: none yet). */
    private int cellCol;
    private int lastCol = -1;

    private SheetScanner(byte[] b, int length, FastXlsxReader.SheetPlan plan) {
        this.b = b;
        this.end = length;
        this.plan = plan;
    }

    /**
     * Fills {@code found} with the plan's cells from the first {@code length} bytes of the part; how
     * far it read, or -1 when the part is outside the subset read here or the bytes end before the
     * wanted cells do (the caller then gives it more, or uses the StAX path, with {@code found}
     * cleared). A prefix of a part never gives a result the whole part would not.
     */
    static int scan(byte[] bytes, int length, FastXlsxReader.SheetPlan plan, FastXlsxReader.Raw[] found) {
        try {
            SheetScanner s = new SheetScanner(bytes, length, plan);
            s.scan(found);
            return s.p;
        } catch (GiveUp | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private boolean scan(FastXlsxReader.Raw[] found) {
        prolog();
        int remaining = plan.count();
        while (true) {
            int kind = next();
            if (kind == EOF) {
                if (depth != 0) {
                    throw GiveUp.INSTANCE;
                }
                return true;
            }
            if (kind == END_TAG) {
                if (closedSheetData) {
                    return true;
                }
                continue;
            }
            if (tag == ROW) {
                int row = row() - 1;
                if (row <= currentRow) {
                    // Rows out of order, or one written twice (which copy a program shows differs): the
                    // full reader reads it, as Excel and LibreOffice do.
                    throw GiveUp.INSTANCE;
                }
                currentRow = row;
                lastCol = -1;
                rowWanted = remaining == 0 ? 0 : plan.wanted(row);
                if (rowWanted == 0 && !selfClosing) {
                    // Past the last wanted row too: its rows are still walked, to see they stay in order.
                    skipRestOfRow();
                }
            } else if (tag == C) {
                if (cellRow != currentRow || cellCol <= lastCol) {
                    throw GiveUp.INSTANCE; // a cell out of order, or written twice
                }
                lastCol = cellCol;
                if (slot < 0) {
                    continue;
                }
                String type = tStart < 0 ? null : ascii(tStart, tEnd);
                if (found[slot] != null || cellRow != currentRow) {
                    throw GiveUp.INSTANCE;
                }
                found[slot] = selfClosing ? new FastXlsxReader.Raw(type, null, false) : cell(type);
                remaining--;
                if (--rowWanted == 0) {
                    skipRestOfRow();
                }
            }
        }
    }

    private static final int OTHER = 0;
    private static final int ROW = 1;
    private static final int C = 2;
    private static final int F = 3;
    private static final int V = 4;

    private static final int START = 1;
    private static final int END_TAG = 2;
    private static final int EOF = 3;

    /** The UTF-8 byte order mark and XML declaration, if any; another encoding gives up. */
    private void prolog() {
        if (end >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            p = 3;
        }
        if (p >= end || b[p] != '<') {
            throw GiveUp.INSTANCE;
        }
        if (startsWith(p, XML_DECLARATION)) {
            int close = indexOf(p, PI_END, end);
            int enc = indexOf(p, ENCODING, close);
            if (enc >= 0) {
                int q = enc + ENCODING.length;
                while (q < close && b[q] != '"' && b[q] != '\'') {
                    q++;
                }
                if (q >= close || !equalsIgnoreCase(q + 1, "utf-8") || b[q + 6] != b[q]) {
                    throw GiveUp.INSTANCE;
                }
            }
            p = close + 2;
        }
    }

    /** Moves to the next start or end tag (skipping text, comments, PIs and CDATA). */
    private int next() {
        while (true) {
            while (p < end && b[p] != '<') {
                p++;
            }
            if (p >= end) {
                return EOF;
            }
            if (p + 1 >= end) {
                throw GiveUp.INSTANCE;
            }
            byte c = b[p + 1];
            if (c == '?' || c == '!') {
                skipSpecial(c);
            } else if (c == '/') {
                endTag();
                return END_TAG;
            } else {
                startTag();
                return START;
            }
        }
    }

    /** Moves past the processing instruction, comment or CDATA section at p ({@code c} is its second byte). */
    private void skipSpecial(byte c) {
        if (c == '?') {
            p = indexOf(p + 2, PI_END, end) + 2;
        } else if (startsWith(p, COMMENT)) {
            p = indexOf(p + 4, COMMENT_END, end) + 3;
        } else if (startsWith(p, CDATA)) {
            p = indexOf(p + 9, CDATA_END, end) + 3;
        } else {
            throw GiveUp.INSTANCE; // a DTD, or not XML
        }
    }

    private void startTag() {
        p++;
        nameStart = p;
        while (p < end && !space(b[p]) && b[p] != '>' && b[p] != '/') {
            if (b[p] == ':' || b[p] == '<' || b[p] == '&') {
                throw GiveUp.INSTANCE;
            }
            p++;
        }
        nameLength = p - nameStart;
        if (nameLength == 0) {
            throw GiveUp.INSTANCE;
        }
        tag = classify(b[nameStart], nameLength);
        rStart = -1;
        tStart = -1;
        slot = -1;
        selfClosing = false;
        while (true) {
            skipSpace();
            if (p >= end) {
                throw GiveUp.INSTANCE;
            }
            if (b[p] == '>') {
                p++;
                break;
            }
            if (b[p] == '/') {
                if (p + 1 >= end || b[p + 1] != '>') {
                    throw GiveUp.INSTANCE;
                }
                p += 2;
                selfClosing = true;
                break;
            }
            if (tag != C && tag != ROW) {
                skipRestOfTag(); // no attribute of another element is read
                break;
            }
            attribute();
            if (rStart >= 0 && tag == C) {
                long at = address();
                cellRow = (int) (at >> 20);
                cellCol = (int) (at & 0xFFFFF);
                slot = plan.slot(cellRow, cellCol);
            }
            if (rStart >= 0 && (tag == ROW || slot < 0)) {
                skipRestOfTag(); // the address decides; a wanted cell's type is still to read
                break;
            }
        }
        if (tag == C && rStart < 0) {
            throw GiveUp.INSTANCE;
        }
        if (!selfClosing) {
            if (depth == MAX_DEPTH) {
                throw GiveUp.INSTANCE;
            }
            stackStart[depth] = nameStart;
            stackLength[depth] = nameLength;
            depth++;
        }
    }

    /**
     * Once a row holds nothing more that is wanted, moves past its end tag without reading the
     * cells in between (long formulas of the live checks, labels); comments and CDATA are still
     * skipped as such, so a "</row>" inside them does not end the row.
     */
    private void skipRestOfRow() {
        while (true) {
            while (p < end && b[p] != '<') {
                p++;
            }
            if (p + 1 >= end) {
                throw GiveUp.INSTANCE;
            }
            byte c = b[p + 1];
            if (c == '!' || c == '?') {
                skipSpecial(c);
            } else if (c == '/' && startsWith(p, ROW_END) && p + 5 < end && (b[p + 5] == '>' || space(b[p + 5]))) {
                endTag();
                return;
            } else if (c == 'c' && p + 2 < end && space(b[p + 2])) {
                skippedCell();
            } else {
                p++;
            }
        }
    }

    /**
     * A cell passed over in {@link #skipRestOfRow}: only its address is read, to see it stands after the
     * one before it (a cell written twice at a row's end was read from its first copy, the full reader
     * taking the second).
     */
    private void skippedCell() {
        int close = p + 2;
        int r = -1;
        while (close < end && b[close] != '>') {
            if (r < 0 && b[close] == 'r' && space(b[close - 1]) && close + 2 < end && b[close + 1] == '=' && b[close + 2] == '"') {
                r = close + 3;
            }
            close++;
        }
        int q = r;
        while (q >= 0 && q < close && b[q] != '"') {
            q++;
        }
        long at = r < 0 || q >= close ? -1 : a1(b, r, q);
        if (at < 0 || (int) (at >> 20) != currentRow || (int) (at & 0xFFFFF) <= lastCol) {
            throw GiveUp.INSTANCE;
        }
        lastCol = (int) (at & 0xFFFFF);
        p = close;
    }

    /** From inside a start tag to just after its end, quote-aware; notes a self-closing tag. */
    private void skipRestOfTag() {
        while (p < end) {
            byte c = b[p];
            if (c == '"' || c == '\'') {
                int q = p + 1;
                while (q < end && b[q] != c) {
                    if (b[q] == '<') {
                        throw GiveUp.INSTANCE;
                    }
                    q++;
                }
                p = q + 1;
            } else if (c == '>') {
                selfClosing = b[p - 1] == '/';
                p++;
                return;
            } else if (c == '<') {
                throw GiveUp.INSTANCE;
            } else {
                p++;
            }
        }
        throw GiveUp.INSTANCE;
    }

    private void attribute() {
        int start = p;
        while (p < end && !space(b[p]) && b[p] != '=') {
            if (b[p] == '>' || b[p] == '<' || b[p] == '/') {
                throw GiveUp.INSTANCE;
            }
            p++;
        }
        int length = p - start;
        skipSpace();
        if (length == 0 || p >= end || b[p] != '=') {
            throw GiveUp.INSTANCE;
        }
        p++;
        skipSpace();
        if (p >= end || (b[p] != '"' && b[p] != '\'')) {
            throw GiveUp.INSTANCE;
        }
        byte quote = b[p++];
        int valueStart = p;
        while (p < end && b[p] != quote) {
            if (b[p] == '<') {
                throw GiveUp.INSTANCE;
            }
            p++;
        }
        if (p >= end) {
            throw GiveUp.INSTANCE;
        }
        int valueEnd = p++;
        if (length == 1 && (b[start] == 'r' || b[start] == 't')) {
            for (int i = valueStart; i < valueEnd; i++) {
                if (b[i] == '&') {
                    throw GiveUp.INSTANCE;
                }
            }
            if (b[start] == 'r') {
                if (rStart >= 0) {
                    throw GiveUp.INSTANCE;
                }
                rStart = valueStart;
                rEnd = valueEnd;
            } else {
                if (tStart >= 0) {
                    throw GiveUp.INSTANCE;
                }
                tStart = valueStart;
                tEnd = valueEnd;
            }
        }
    }

    private void endTag() {
        p += 2;
        int start = p;
        while (p < end && !space(b[p]) && b[p] != '>') {
            p++;
        }
        int length = p - start;
        skipSpace();
        if (p >= end || b[p] != '>' || depth == 0) {
            throw GiveUp.INSTANCE;
        }
        p++;
        depth--;
        if (length != stackLength[depth]) {
            throw GiveUp.INSTANCE;
        }
        // A plain loop: names are a few bytes, and Arrays.equals' range checks cost more than the compare.
        for (int i = 0, open = stackStart[depth]; i < length; i++) {
            if (b[start + i] != b[open + i]) {
                throw GiveUp.INSTANCE;
            }
        }
        closedSheetData = length == SHEET_DATA.length && Arrays.equals(b, start, start + length,
                SHEET_DATA, 0, SHEET_DATA.length);
    }

    /** The children of a wanted, non-empty {@code <c>}: a formula and a plain value, nothing else. */
    private FastXlsxReader.Raw cell(String type) {
        int cellDepth = depth;
        boolean formula = false;
        String value = null;
        while (true) {
            int kind = next();
            if (kind == EOF) {
                throw GiveUp.INSTANCE;
            }
            if (kind == END_TAG) {
                if (depth == cellDepth - 1) {
                    return new FastXlsxReader.Raw(type, value, formula);
                }
                continue;
            }
            if (depth != cellDepth + (selfClosing ? 0 : 1)) {
                throw GiveUp.INSTANCE; // an element inside a child: not a cell we read here
            }
            if (tag == F) {
                formula = true;
            } else if (tag == V && value == null) {
                value = selfClosing ? "" : text();
            } else {
                throw GiveUp.INSTANCE; // an inline string, extensions: the StAX path reads those
            }
        }
    }

    /** The plain text of the element just opened, up to its end tag. */
    private String text() {
        int start = p;
        while (p < end && b[p] != '<') {
            if (b[p] == '&' || b[p] == '\r') {
                throw GiveUp.INSTANCE;
            }
            p++;
        }
        String s = new String(b, start, p - start, StandardCharsets.UTF_8);
        if (p + 1 >= end || b[p + 1] != '/' || next() != END_TAG) {
            throw GiveUp.INSTANCE;
        }
        return s;
    }

    private int row() {
        if (rStart < 0 || rEnd - rStart > 7 || rEnd == rStart) {
            throw GiveUp.INSTANCE;
        }
        int n = 0;
        for (int i = rStart; i < rEnd; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw GiveUp.INSTANCE;
            }
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }

    private long address() {
        long at = rStart < 0 ? -1 : a1(b, rStart, rEnd);
        if (at < 0) {
            throw GiveUp.INSTANCE;
        }
        return at;
    }

    /**
     * An A1 address ("I23") in {@code r[start, end)} as {@code row << 20 | column} (both 0-based),
     * or -1 when it is not a plain cell address.
     */
    static long a1(byte[] r, int start, int end) {
        int i = start;
        int col = 0;
        while (i < end && r[i] >= 'A' && r[i] <= 'Z') {
            col = col * 26 + (r[i] - 'A' + 1);
            i++;
        }
        if (i == start || i == end || i - start > 3) {
            return -1;
        }
        int row = 0;
        for (int j = i; j < end; j++) {
            byte ch = r[j];
            if (ch < '0' || ch > '9' || j - i > 7) {
                return -1;
            }
            row = row * 10 + (ch - '0');
        }
        return row == 0 ? -1 : ((long) (row - 1) << 20) | (col - 1);
    }

    /** Which of the elements read here a name is, from its first byte and length. */
    private int classify(byte first, int length) {
        if (length == 1) {
            return first == 'c' ? C : first == 'f' ? F : first == 'v' ? V : OTHER;
        }
        return length == 3 && first == 'r' && b[nameStart + 1] == 'o' && b[nameStart + 2] == 'w' ? ROW : OTHER;
    }

    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private void skipSpace() {
        while (p < end && space(b[p])) {
            p++;
        }
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private boolean startsWith(int at, byte[] s) {
        if (at + s.length > end) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (b[at + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsIgnoreCase(int at, String s) {
        if (at + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.toLowerCase((char) b[at + i]) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code s} starts at or after {@code from} and before {@code limit}; gives up when it does not. */
    private int indexOf(int from, byte[] s, int limit) {
        byte first = s[0];
        for (int i = from; i + s.length <= limit; i++) {
            if (b[i] == first && startsWith(i, s)) {
                return i;
            }
        }
        if (limit == end) {
            throw GiveUp.INSTANCE;
        }
        return -1;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** Leaves the subset this scanner reads; no stack trace, it is not an error. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("outside the scanner's subset", null, false, false);
        }
    }
}
