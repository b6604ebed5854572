package io.xxgk.ingest.excel;

import io.xxgk.finding.Finding;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.Grid;
import io.xxgk.ingest.IdentityLocator;
import io.xxgk.ingest.LayoutSniffer;
import io.xxgk.ingest.Interruptible;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.TableLocator;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.Zips;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/**
 * Reads a workbook (.xlsx or .xls): through the defined names of our template first (they survive
 * inserted rows), and for every key whose name is missing or broken, by locating the tables through
 * their official labels. The identity comes from the {@code info.*} names, else from labels or the
 * title.
 */
public final class WorkbookReader {

    /** Sheets larger than this are not scanned for labels (a hostile or unrelated sheet). */
    static final int MAX_SCAN_ROWS = 2000;
    static final int MAX_SCAN_COLS = 100;

    /** No part POI inflates may be larger (its default is 4 GiB): a summary of 10,000 units has a 61 MB 明细. */
    static final long MAX_POI_PART = 256L << 20;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_POI_PART);
    }

    private final Layout layout;

    public WorkbookReader(Layout layout) {
        this.layout = layout;
    }

    /** How a workbook file is stored: a zip of XML parts (.xlsx, .xlsm), BIFF in OLE2 (.xls, WPS's .et), ODF (.ods). */
    public enum Container { OOXML, BIFF, ODF }

    /** Reads {@code file}, its container told by its name (tests and tools; the registry tells it by content). */
    public SourceReport read(Path file) throws UnreadableException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return read(file, n.endsWith(".ods") ? Container.ODF
                : n.endsWith(".xlsx") || n.endsWith(".xlsm") ? Container.OOXML : Container.BIFF);
    }

    /** Reads {@code file} stored as {@code container}: the fast path for a zip workbook, else POI's object model. */
    public SourceReport read(Path file, Container container) throws UnreadableException {
        if (container == Container.OOXML) {
            SourceReport fast = new FastXlsxReader(layout).read(file);
            if (fast != null) {
                return fast;
            }
        }
        return readFully(file, container);
    }

    /** Reads with POI's object model, the container told by the file's name. */
    public SourceReport readFully(Path file) throws UnreadableException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return readFully(file, n.endsWith(".ods") ? Container.ODF
                : n.endsWith(".xlsx") || n.endsWith(".xlsm") ? Container.OOXML : Container.BIFF);
    }

    /** Reads with POI's object model: every format, every fallback. */
    public SourceReport readFully(Path file, Container container) throws UnreadableException {
        if (container == Container.OOXML) {
            try {
                Zips.verify(file);
            } catch (Zips.RefusedException e) {
                throw e.unreadable();
            } catch (IOException e) {
                // not a zip, or unreadable: POI below says which
            }
        }
        try (Workbook wb = container == Container.ODF ? OdsWorkbook.open(file)
                : container == Container.OOXML && Interruptible.isZip(file) ? Interruptible.xlsx(file)
                : WorkbookFactory.create(file.toFile(), null, true)) {
            SourceReport src = read(wb, file.toString());
            if (src.otherLayout() != null) {
                // Its labels show another layout: read in that one from the workbook already open.
                src = new WorkbookReader(Layouts.get(src.otherLayout())).read(wb, file.toString());
            }
            // An .ods is opened as an XSSF workbook of its cells: its mark is in its own meta.xml.
            return src.withMark(container != Container.ODF && wb instanceof XSSFWorkbook xssf
                    ? OutputMark.of(xssf) : OutputMark.of(file));
        } catch (EncryptedDocumentException e) {
            throw new UnreadableException(Messages.get("reason.encrypted"), e);
        } catch (Zips.RefusedException e) {
            throw e.unreadable(); // an .ods bomb is said as one, like a workbook's
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(UnreadableException.reason(e), e);
        }
    }

    SourceReport read(Workbook wb, String file) {
        Map<String, RawCell> cells = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (CellDef def : layout.cells()) {
            RawCell raw = named(wb, def.key());
            if (raw != null) {
                cells.put(def.key(), raw);
            } else {
                missing.add(def.key());
            }
        }
        Map<String, RawCell> idCells = new LinkedHashMap<>();
        Identity identity = Identity.empty();
        boolean ourTemplate = false;
        for (IdentityField f : IdentityField.values()) {
            RawCell raw = named(wb, f.definedName());
            ourTemplate |= raw != null;
            if (raw != null && raw.kind() != RawCell.Kind.BLANK) {
                idCells.put(f.id(), raw);
                identity = identity.with(f, text(raw));
            } else if (raw != null) {
                idCells.put(f.id(), raw);
            }
        }
        List<Finding> problems = new ArrayList<>();
        List<Grid> grids = null;
        if (!missing.isEmpty()) {
            grids = grids(wb);
            List<String> texts = new ArrayList<>();
            for (Grid g : grids) {
                for (int[] rc : g.textCells()) {
                    texts.add(g.at(rc[0], rc[1]).text());
                }
            }
            Layout other = LayoutSniffer.otherLayout(texts, layout);
            if (other != null) {
                return SourceReport.ofOtherLayout(file, layout, identity, idCells, other.id());
            }
            TableLocator.Located located = new TableLocator(layout, file).locate(grids, missing);
            cells.putAll(located.cells());
            problems.addAll(located.problems());
        }
        // In our template a blank 基本信息 field is missing; elsewhere look for labels and a title.
        if (!ourTemplate) {
            identity = IdentityLocator.locate(grids != null ? grids : grids(wb), identity, idCells);
        }
        return new SourceReport(file, layout, identity, idCells, cells, problems, SummaryDetails.units(wb));
    }

    private static String text(RawCell raw) {
        return switch (raw.kind()) {
            case NUMBER -> raw.number().stripTrailingZeros().toPlainString();
            case TEXT -> raw.text();
            default -> null;
        };
    }

    /** Every sheet as a grid of its non-empty cells, with merged regions. */
    static List<Grid> grids(Workbook wb) {
        List<Grid> out = new ArrayList<>();
        for (Sheet sheet : wb) {
            Grid g = new Grid(sheet.getSheetName());
            for (Row row : sheet) {
                if (row.getRowNum() > MAX_SCAN_ROWS) {
                    break;
                }
                for (Cell cell : row) {
                    if (cell.getColumnIndex() > MAX_SCAN_COLS) {
                        break;
                    }
                    RawCell raw = raw(cell, sheet.getSheetName(), cell.getAddress().formatAsString());
                    if (raw.kind() != RawCell.Kind.BLANK) {
                        g.put(row.getRowNum(), cell.getColumnIndex(), raw);
                    }
                }
            }
            for (CellRangeAddress m : sheet.getMergedRegions()) {
                g.merge(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn());
            }
            out.add(g);
        }
        return out;
    }

    /** The raw content of the single cell a name points to, or null when it points to none. */
    static RawCell named(Workbook wb, String nameText) {
        // Workbook-level names only, the first of the name in any case (as the fast reader).
        Name name = wb.getNames(nameText).stream().filter(n -> n.getSheetIndex() < 0).findFirst().orElse(null);
        if (name == null || name.getRefersToFormula() == null) {
            return null;
        }
        CellReference ref = singleCell(name.getRefersToFormula(), wb.getSpreadsheetVersion());
        if (ref == null) {
            return null;
        }
        Sheet sheet = ref.getSheetName() == null ? null : wb.getSheet(ref.getSheetName());
        if (sheet == null) {
            return null;
        }
        String a1 = new CellReference(ref.getRow(), ref.getCol()).formatAsString();
        Row row = sheet.getRow(ref.getRow());
        Cell cell = row == null ? null : row.getCell(ref.getCol());
        return raw(cell, sheet.getSheetName(), a1);
    }

    /**
     * The one cell a name refers to, or null: an area, a broken reference, and a whole column or
     * row ({@code 统计表!$O:$O}, which POI calls a single cell with no row) are none.
     */
    static CellReference singleCell(String refersTo, SpreadsheetVersion version) {
        if (refersTo == null) {
            return null;
        }
        try {
            AreaReference area = new AreaReference(refersTo, version);
            CellReference first = area.getFirstCell();
            if (!area.isSingleCell() || first.getRow() < 0 || first.getCol() < 0) {
                return null;
            }
            return first;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RawCell raw(Cell cell, String sheet, String a1) {
        if (cell == null) {
            return new RawCell(RawCell.Kind.BLANK, null, null, false, sheet, a1);
        }
        boolean formula = cell.getCellType() == CellType.FORMULA;
        CTCell ct =
                cell instanceof XSSFCell x ? x.getCTCell() : null;
        if (formula && ct != null && (!ct.isSetV() || ct.getV().isEmpty())) {
            // A formula saved without its result (openpyxl writes <v></v>): the checker computes it.
            return new RawCell(RawCell.Kind.BLANK, null, null, true, sheet, a1);
        }
        if (ct != null && ct.isSetV() && ct.isSetT() && "s".equals(String.valueOf(ct.xgetT().getStringValue()))) {
            SharedStringsTable sst = ((XSSFCell) cell).getSheet()
                    .getWorkbook().getSharedStringSource();
            int index;
            try {
                index = Integer.parseInt(ct.getV().strip());
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (sst == null || index < 0 || index >= sst.getUniqueCount()) {
                // POI reads a cell pointing past the strings as blank; it is damage.
                throw new IllegalStateException("damaged: shared string " + ct.getV() + " of " + a1 + " missing");
            }
        }
        if (ct != null && ct.isSetV() && storedNumber(ct)) {
            // The stored text, not POI's double: exact whole numbers, and NaN, 1e309 or a date as what they are.
            return number(ct.getV(), formula, sheet, a1);
        }
        CellType type = formula ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> new RawCell(RawCell.Kind.NUMBER, exact(cell.getNumericCellValue()), null, formula, sheet, a1);
            case STRING -> {
                String s = cell.getRichStringCellValue().getString();
                yield s.isBlank() && !formula ? new RawCell(RawCell.Kind.BLANK, null, null, false, sheet, a1)
                        : new RawCell(RawCell.Kind.TEXT, null, s, formula, sheet, a1);
            }
            case BOOLEAN -> new RawCell(RawCell.Kind.BOOLEAN, null, String.valueOf(cell.getBooleanCellValue()),
                    formula, sheet, a1);
            case ERROR -> new RawCell(RawCell.Kind.ERROR, null, errorText(cell.getErrorCellValue()), formula, sheet, a1);
            default -> new RawCell(RawCell.Kind.BLANK, null, null, formula, sheet, a1);
        };
    }

    /** True for a cell of type n (or none) or d: its value is the text of a number (or a date). */
    private static boolean storedNumber(CTCell ct) {
        if (!ct.isSetT()) {
            return true;
        }
        String t = String.valueOf(ct.xgetT().getStringValue());
        return t.equals("n") || t.equals("d");
    }

    /** A cell stored as a number: its value, or its text when it is none (the checker says VAL-NUM). */
    static RawCell number(String stored, boolean formula, String sheet, String a1) {
        BigDecimal v = StoredNumber.parse(stored);
        return v != null ? new RawCell(RawCell.Kind.NUMBER, v, null, formula, sheet, a1)
                : new RawCell(RawCell.Kind.TEXT, null, stored, formula, sheet, a1);
    }

    private static final MathContext SHOWN_DIGITS = new MathContext(15);

    /** The decimal a spreadsheet shows for a stored double (112.55034, not 112.5503399999…). */
    static BigDecimal exact(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf((long) d); // a whole number: the same value and scale 0, without the text round trip
        }
        // 15 significant digits, as Excel and WPS show and compute: 112.55033999999999 is 112.55034.
        BigDecimal v = new BigDecimal(d).round(SHOWN_DIGITS).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
