package io.xxgk.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One wrong entry, one error: a -3 or a 五 typed for 自然人 gave VAL-NUM and also a T3-BAL on the
 * locked 总计 formula cell (相差 20), which the clerk cannot edit.
 */
class OneMistakeOneErrorTest {

    @TempDir
    Path dir;

    private final Layout layout = Layouts.get("2021");

    @ParameterizedTest
    @ValueSource(strings = {"-3", "五"})
    void aWrongEntryIsOneErrorAtItsOwnCell(String typed) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 21L));
        layout.formulas().keySet().forEach(v::remove);
        Path f = dir.resolve("甲局.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                v, f, false);
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(f)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream out = Files.newOutputStream(f)) {
            if (typed.equals("-3")) {
                Sheets.named(wb, "requests.new.natural").setCellValue(-3);
            } else {
                Sheets.named(wb, "requests.new.natural").setCellValue(typed);
            }
            // As Excel does on saving: the formulas' stored results computed again.
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        CheckResult r = Checker.check(new WorkbookReader(layout).read(f));
        assertThat(r.findings()).filteredOn(x -> x.severity() == Severity.ERROR)
                .extracting(Finding::rule).containsExactly("VAL-NUM");
        assertThat(r.findings()).filteredOn(x -> x.severity() == Severity.ERROR)
                .extracting(Finding::key).containsExactly("requests.new.natural");
    }
}
