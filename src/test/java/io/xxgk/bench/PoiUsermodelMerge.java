package io.xxgk.bench;

import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The baseline of the merge benchmark: the straightforward way, one POI object model per file,
 * reading the 200 named cells, adding them up, writing the sums and one row per input.
 * Usage: PoiUsermodelMerge DIR OUT.xlsx
 */
public final class PoiUsermodelMerge {

    private PoiUsermodelMerge() {
    }

    public static void main(String[] args) throws Exception {
        Layout layout = Layouts.defaultLayout();
        List<CellDef> cells = layout.cells();
        BigDecimal[] sums = new BigDecimal[cells.size()];
        Arrays.fill(sums, BigDecimal.ZERO);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        try (SXSSFWorkbook out = new SXSSFWorkbook(200)) {
            Sheet detail = out.createSheet("明细");
            int r = 0;
            for (Path f : files) {
                Row row = detail.createRow(r++);
                try (Workbook wb = WorkbookFactory.create(f.toFile(), null, true)) {
                    for (int i = 0; i < cells.size(); i++) {
                        Cell c = named(wb, cells.get(i).key());
                        if (c != null && (c.getCellType() == CellType.NUMERIC
                                || c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.NUMERIC)) {
                            BigDecimal v = new BigDecimal(Double.toString(c.getNumericCellValue()));
                            sums[i] = sums[i].add(v);
                            row.createCell(i).setCellValue(v.doubleValue());
                        }
                    }
                }
            }
            Row total = out.createSheet("汇总").createRow(0);
            for (int i = 0; i < sums.length; i++) {
                total.createCell(i).setCellValue(sums[i].doubleValue());
            }
            try (OutputStream os = Files.newOutputStream(Path.of(args[1]))) {
                out.write(os);
            }
            out.dispose();
        }
        System.err.println("baseline merged " + files.size() + " files; requests.total.total = "
                + sums[layout.cells().indexOf(layout.cell("requests.total.total").orElseThrow())]);
    }

    private static Cell named(Workbook wb, String name) {
        Name n = wb.getName(name);
        CellReference ref = new CellReference(n.getRefersToFormula());
        Row row = wb.getSheet(ref.getSheetName()).getRow(ref.getRow());
        return row == null ? null : row.getCell(ref.getCol());
    }
}
