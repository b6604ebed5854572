package io.xxgk.testing;

import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Agencies' workbooks for tests: our template filled with valid numbers, then edited as a clerk would. */
public final class Workbooks {

    /** What a test does to an open workbook. */
    @FunctionalInterface
    public interface Edit {
        void apply(XSSFWorkbook wb) throws Exception;
    }

    private Workbooks() {
    }

    /** Our template for {@code agency} and {@code year}, filled with the valid numbers of {@code seed}. */
    public static Path filled(Layout layout, long seed, String agency, String year, Path target) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, seed));
        layout.formulas().keySet().forEach(v::remove);
        Files.createDirectories(target.toAbsolutePath().getParent());
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, agency).with(IdentityField.YEAR, year),
                v, target, false);
        return target;
    }

    /** Opens {@code file}, applies {@code edit}, computes the formulas' stored results again (as Excel does on saving) and saves. */
    public static Path edited(Path file, Edit edit) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            edit.apply(wb);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
