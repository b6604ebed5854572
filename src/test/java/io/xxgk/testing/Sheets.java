package io.xxgk.testing;

import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import io.xxgk.schema.ValueType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Plain-POI helpers for tests that read our workbooks as an independent oracle. */
public final class Sheets {

    private Sheets() {
    }

    public static XSSFWorkbook reopen(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        wb.write(bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** The cell a defined name points to (a single cell), created if absent. */
    public static Cell named(Workbook wb, String name) {
        Name n = wb.getName(name);
        if (n == null) {
            throw new AssertionError("no defined name " + name);
        }
        CellReference ref = new CellReference(n.getRefersToFormula());
        Sheet sheet = wb.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow());
        if (row == null) {
            row = sheet.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        return cell != null ? cell : row.createCell(ref.getCol());
    }

    /** Text shown at (r, c): the top-left text of the merged region covering it, without spaces. */
    public static String text(Sheet sheet, int r, int c) {
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.isInRange(r, c)) {
                r = m.getFirstRow();
                c = m.getFirstColumn();
                break;
            }
        }
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null || cell.getCellType() != CellType.STRING) {
            return "";
        }
        return cell.getStringCellValue().replaceAll("\\s+", "");
    }

    /** Label texts left of (r, c) in its row, nearest first. */
    public static List<String> labelsLeft(Sheet sheet, int r, int c) {
        List<String> out = new ArrayList<>();
        for (int cc = c - 1; cc >= 0; cc--) {
            String t = text(sheet, r, cc);
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Label texts above (r, c) in its column, nearest first, up to the sheet's title. */
    public static List<String> labelsAbove(Sheet sheet, int r, int c) {
        List<String> out = new ArrayList<>();
        for (int rr = r - 1; rr >= 1; rr--) {
            String t = text(sheet, rr, c);
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Random valid-looking input values for a layout's non-total cells, from a fixed seed. */
    public static Map<String, BigDecimal> randomInputs(Layout layout, long seed) {
        Random rnd = new Random(seed);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (CellDef c : layout.cells()) {
            if (layout.isFormula(c.key())) {
                continue;
            }
            if (c.type() == ValueType.AMOUNT) {
                values.put(c.key(), BigDecimal.valueOf(rnd.nextInt(100_000_000), 5));
            } else {
                values.put(c.key(), BigDecimal.valueOf(rnd.nextInt(10) < 3 ? 0 : rnd.nextInt(70_000)));
            }
        }
        return values;
    }
}
