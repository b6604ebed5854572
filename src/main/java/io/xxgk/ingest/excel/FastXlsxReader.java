package io.xxgk.ingest.excel;

import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.Zips;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;
import org.codehaus.stax2.typed.TypedXMLStreamException;

/**
 * A fast reader for .xlsx workbooks that carry our defined names: it reads only workbook.xml, its
 * relationships ({@link WorkbookIndex}), the named cells of the needed sheets ({@link SheetScanner},
 * StAX for any sheet outside its subset) and the shared strings those cells use
 * ({@link SharedStrings}), instead of POI's object model (many times faster; see bench/).
 * It returns exactly what {@link WorkbookReader} would, or null when the workbook needs the full
 * reader (names missing, a summary's 明细, anything unusual); the caller then falls back.
 */
final class FastXlsxReader {

    private final Layout layout;

    FastXlsxReader(Layout layout) {
        this.layout = layout;
    }

    /** The report, or null when the full reader must handle this workbook. */
    SourceReport read(Path file) throws UnreadableException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read(zip, file.toString());
        } catch (Zips.RefusedException e) {
            // A bomb or damage is said, never read around: the full reader would take the bytes as they are.
            throw e.unreadable();
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    private SourceReport read(ZipFile zip, String file) throws IOException, XMLStreamException {
        Zips.refuseBombs(zip);
        WorkbookIndex wb = WorkbookIndex.of(zip);
        if (wb == null || wb.sheets.containsKey(SummaryDetails.SHEET)) {
            return null;
        }
        Plan plan = wb.plans.computeIfAbsent(layout.id(), id -> Optional.ofNullable(plan(wb, layout)))
                .orElse(null);
        if (plan == null) {
            return null;
        }
        Raw[] found = new Raw[plan.names().length];
        for (SheetPlan sp : plan.sheets()) {
            if (!sheet(zip, sp, found)) {
                return null;
            }
        }
        BitSet needed = new BitSet();
        for (Raw raw : found) {
            if (raw != null && "s".equals(raw.type) && raw.value != null) {
                needed.set(Integer.parseInt(raw.value.strip()));
            }
        }
        SharedStrings strings = new SharedStrings(zip, wb.sharedStrings, needed);
        Map<String, RawCell> cells = new LinkedHashMap<>(2 * found.length);
        Map<String, RawCell> idCells = new LinkedHashMap<>();
        Identity identity = Identity.empty();
        for (int i = 0; i < found.length; i++) {
            RawCell raw = toRaw(found[i], plan.sheetNames()[i], plan.a1s()[i], strings);
            IdentityField f = plan.fields()[i];
            if (f == null) {
                cells.put(plan.names()[i], raw);
                continue;
            }
            idCells.put(f.id(), raw);
            if (raw.kind() == RawCell.Kind.NUMBER) {
                identity = identity.with(f, raw.number().stripTrailingZeros().toPlainString());
            } else if (raw.kind() == RawCell.Kind.TEXT) {
                identity = identity.with(f, raw.text());
            }
        }
        return new SourceReport(file, layout, identity, idCells, cells, List.of(), List.of(), OutputMark.of(zip));
    }

    /**
     * Where each key and identity field is, derived once per workbook.xml content and layout: the
     * layout's keys in order, then the identity fields the workbook names ({@code fields[i]} is null
     * for a key), each with its sheet and A1 address.
     */
    record Plan(String[] names, IdentityField[] fields, String[] sheetNames, String[] a1s,
                        List<SheetPlan> sheets) {
    }

    /**
     * The cells wanted from one sheet part: {@code slots[row][col]} is a plan index + 1, or 0;
     * {@code wantedPerRow}: how many by row.
     */
    record SheetPlan(String part, int lastRow, int[][] slots, int count, int[] wantedPerRow) {
        SheetPlan(String part, int lastRow, int[][] slots, int count) {
            this(part, lastRow, slots, count, perRow(slots));
        }

        private static int[] perRow(int[][] slots) {
            int[] n = new int[slots.length];
            for (int r = 0; r < slots.length; r++) {
                for (int i = 0; slots[r] != null && i < slots[r].length; i++) {
                    n[r] += slots[r][i] != 0 ? 1 : 0;
                }
            }
            return n;
        }

        /** How many cells of the row (0-based) are wanted. */
        int wanted(int row) {
            return row < wantedPerRow.length ? wantedPerRow[row] : 0;
        }

        /** The plan index of the cell at (row, col), or -1 when it is not wanted. */
        int slot(int row, int col) {
            int[] cols = row < slots.length ? slots[row] : null;
            return cols != null && col < cols.length ? cols[col] - 1 : -1;
        }
    }

    /** The plan for a layout, or null when the workbook lacks a name of the layout or any info.* name. */
    private static Plan plan(WorkbookIndex wb, Layout layout) {
        List<String> names = new ArrayList<>();
        List<IdentityField> fields = new ArrayList<>();
        List<CellReference> refs = new ArrayList<>();
        for (CellDef def : layout.cells()) {
            CellReference ref = single(wb.names.get(def.key()));
            if (ref == null) {
                return null;
            }
            names.add(def.key());
            fields.add(null);
            refs.add(ref);
        }
        for (IdentityField f : IdentityField.values()) {
            CellReference ref = single(wb.names.get(f.definedName()));
            if (ref != null) {
                names.add(f.definedName());
                fields.add(f);
                refs.add(ref);
            }
        }
        if (refs.size() == layout.cells().size()) {
            return null;
        }
        Map<String, List<Integer>> bySheet = new LinkedHashMap<>();
        String[] sheetNames = new String[refs.size()];
        String[] a1s = new String[refs.size()];
        for (int i = 0; i < refs.size(); i++) {
            CellReference ref = refs.get(i);
            sheetNames[i] = ref.getSheetName();
            a1s[i] = new CellReference(ref.getRow(), ref.getCol()).formatAsString();
            bySheet.computeIfAbsent(ref.getSheetName(), x -> new ArrayList<>()).add(i);
        }
        List<SheetPlan> sheets = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : bySheet.entrySet()) {
            String part = wb.sheets.get(e.getKey());
            if (part == null) {
                return null;
            }
            int lastRow = 0;
            int lastCol = 0;
            for (int i : e.getValue()) {
                lastRow = Math.max(lastRow, refs.get(i).getRow());
                lastCol = Math.max(lastCol, refs.get(i).getCol());
            }
            int[][] slots = new int[lastRow + 1][];
            for (int i : e.getValue()) {
                int row = refs.get(i).getRow();
                if (slots[row] == null) {
                    slots[row] = new int[lastCol + 1];
                }
                if (slots[row][refs.get(i).getCol()] != 0) {
                    return null; // two names on one cell: the full reader handles that
                }
                slots[row][refs.get(i).getCol()] = i + 1;
            }
            sheets.add(new SheetPlan(part, lastRow, slots, e.getValue().size()));
        }
        return new Plan(names.toArray(new String[0]), fields.toArray(new IdentityField[0]), sheetNames, a1s,
                List.copyOf(sheets));
    }

    /** The single cell a defined name refers to, or null (missing, an area, a broken reference, a whole column). */
    private static CellReference single(String refersTo) {
        CellReference ref = WorkbookReader.singleCell(refersTo, SpreadsheetVersion.EXCEL2007);
        return ref == null || ref.getSheetName() == null ? null : ref;
    }

    /** A cell as stored: its type attribute, value text, and whether it has a formula. */
    record Raw(String type, String value, boolean formula) {
    }

    private static RawCell toRaw(Raw raw, String sheet, String a1, SharedStrings strings)
            throws IOException, XMLStreamException {
        if (raw == null || (raw.value == null && !raw.formula)) {
            return new RawCell(RawCell.Kind.BLANK, null, null, false, sheet, a1);
        }
        if (raw.value == null || raw.formula && raw.value.isEmpty()) {
            // A formula saved without its result (openpyxl writes <v></v>): the checker computes it.
            return new RawCell(RawCell.Kind.BLANK, null, null, true, sheet, a1);
        }
        String t = raw.type == null ? "n" : raw.type;
        return switch (t) {
            case "n" -> WorkbookReader.number(raw.value, raw.formula, sheet, a1);
            case "s", "str", "inlineStr" -> {
                String s = t.equals("s") ? strings.get(Integer.parseInt(raw.value.strip())) : raw.value;
                yield s.isBlank() && !raw.formula ? new RawCell(RawCell.Kind.BLANK, null, null, false, sheet, a1)
                        : new RawCell(RawCell.Kind.TEXT, null, s, raw.formula, sheet, a1);
            }
            case "b" -> new RawCell(RawCell.Kind.BOOLEAN, null, raw.value.equals("1") ? "true" : "false",
                    raw.formula, sheet, a1);
            case "e" -> new RawCell(RawCell.Kind.ERROR, null, raw.value, raw.formula, sheet, a1);
            // A date (ISO 8601) where a number belongs: its text, which the checker says is no number.
            // (POI cannot load a workbook with one, so only this reader reads it.)
            case "d" -> new RawCell(RawCell.Kind.TEXT, null, raw.value, raw.formula, sheet, a1);
            default -> throw new IllegalStateException("cell type " + t);
        };
    }

    /**
     * Reads one sheet's wanted cells: by {@link SheetScanner} when the part is in its subset, else by
     * StAX; false when the sheet is not in a form we read.
     */
    private static boolean sheet(ZipFile zip, SheetPlan plan, Raw[] found) throws IOException, XMLStreamException {
        ZipEntry e = zip.getEntry(plan.part());
        if (e == null) {
            throw new IOException("missing part " + plan.part());
        }
        long size = e.getSize();
        if (size >= 0 && size <= ZipParts.SCAN_LIMIT) {
            byte[] bytes = ZipParts.buffer(0, (int) size);
            // The whole part, so that its CRC is checked at its end (the wanted cells may all stand
            // before the damage, but a part that is not what was written is not read at all).
            try (InputStream in = Zips.checked(zip, e)) {
                int n = in.readNBytes(bytes, 0, (int) size);
                if (n == size && in.read() < 0) {
                    return scanned(bytes, n, plan, found)
                            || stax(new ByteArrayInputStream(bytes, 0, n), plan, found);
                }
            }
            clear(plan, found);
        }
        try (InputStream in = ZipParts.open(zip, plan.part())) {
            boolean read = stax(in, plan, found);
            in.transferTo(OutputStream.nullOutputStream()); // to its end: the CRC is checked there
            return read;
        }
    }

    /** Scans; on failure clears what it found. */
    private static boolean scanned(byte[] bytes, int n, SheetPlan plan, Raw[] found) {
        if (SheetScanner.scan(bytes, n, plan, found) < 0) {
            clear(plan, found);
            return false;
        }
        return true;
    }

    private static void clear(SheetPlan plan, Raw[] found) {
        for (int[] cols : plan.slots()) {
            for (int slot = 0; cols != null && slot < cols.length; slot++) {
                if (cols[slot] > 0) {
                    found[cols[slot] - 1] = null;
                }
            }
        }
    }

    /** Streams one sheet to StAX, keeping the wanted cells; false when it is not in a form we read. */
    static boolean stax(InputStream in, SheetPlan plan, Raw[] found) throws IOException, XMLStreamException {
        {
            XMLStreamReader2 x = (XMLStreamReader2) ZipParts.XML.createXMLStreamReader(in);
            A1Decoder address = new A1Decoder();
            try {
                int lastRow = -1;
                int lastCol = -1;
                // To the end of the sheet's data: a row or cell written twice after the wanted ones is seen.
                while (x.hasNext()) {
                    int event = x.next();
                    if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("sheetData")) {
                        break;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = x.getLocalName();
                    if (name.equals("row")) {
                        int r = x.getAttributeIndex(null, "r");
                        if (r < 0) {
                            return false;
                        }
                        int row = x.getAttributeAsInt(r) - 1;
                        if (row <= lastRow) {
                            return false; // rows out of order, or one twice: the full reader reads those
                        }
                        lastRow = row;
                        lastCol = -1;
                    } else if (name.equals("c")) {
                        int r = x.getAttributeIndex(null, "r");
                        if (r < 0) {
                            return false;
                        }
                        x.getAttributeAs(r, address);
                        if (address.value < 0 || (int) (address.value >> 20) != lastRow
                                || (int) (address.value & 0xFFFFF) <= lastCol) {
                            return false; // a cell outside its row, out of order or twice
                        }
                        lastCol = (int) (address.value & 0xFFFFF);
                        int slot = plan.slot((int) (address.value >> 20), lastCol);
                        if (slot >= 0) {
                            if (found[slot] != null) {
                                return false;
                            }
                            found[slot] = cell(x);
                            if (found[slot] == null) {
                                return false;
                            }
                        }
                    }
                }
            } catch (TypedXMLStreamException e) {
                return false;
            } finally {
                x.close();
            }
        }
        return true;
    }

    /** A cell address attribute decoded where the parser holds it, without a String per cell. */
    private static final class A1Decoder extends TypedValueDecoder {
        long value;

        @Override
        public void decode(String lexical) {
            byte[] b = lexical.getBytes(StandardCharsets.UTF_8);
            value = SheetScanner.a1(b, 0, b.length);
        }

        @Override
        public void decode(char[] lexical, int start, int end) {
            byte[] b = new byte[end - start];
            for (int i = 0; i < b.length; i++) {
                char c = lexical[start + i];
                b[i] = c < 0x80 ? (byte) c : (byte) '?';
            }
            value = SheetScanner.a1(b, 0, b.length);
        }

        @Override
        public void handleEmptyValue() {
            value = -1;
        }
    }

    /** Reads a {@code <c>} element from its start tag to its end; null when it holds two values. */
    private static Raw cell(XMLStreamReader x) throws XMLStreamException {
        String type = x.getAttributeValue(null, "t");
        String value = null;
        boolean formula = false;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (x.getLocalName()) {
                    case "f" -> formula = true;
                    case "v" -> {
                        if (value != null) {
                            return null; // two values in one cell: which one counts is POI's to say
                        }
                        value = x.getElementText();
                        depth--;
                    }
                    case "t" -> {
                        if (inline == null) {
                            inline = new StringBuilder();
                        }
                        inline.append(x.getElementText());
                        depth--;
                    }
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if ("inlineStr".equals(type)) {
            value = inline == null ? null : SharedStrings.unescape(inline.toString());
        }
        return new Raw(type, value, formula);
    }


}
