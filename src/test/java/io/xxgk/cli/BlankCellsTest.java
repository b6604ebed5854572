package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.Annotator;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template returned with its zeros left blank (common practice): one line per file, not one per
 * cell (a file gave ✓ with 95 VAL-BLANK lines and 95 yellow cells, all copied into 问题清单).
 */
class BlankCellsTest {

    @TempDir
    Path dir;

    private final Layout layout = Layouts.get("2021");

    /** A valid report whose zeros were left blank; how many cells are blank. */
    private int blanks(Path f, Map<String, BigDecimal> values) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 5L));
        layout.formulas().keySet().forEach(v::remove);
        int n = 0;
        for (var it = v.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().signum() == 0) {
                it.remove();
                n++;
            }
        }
        values.putAll(v);
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                v, f, false);
        return n;
    }

    @Test
    void blankCellsAreOneLinePerFileTheJsonAndStrictBlankKeepEachAndTheCopyMarksThemLightly() throws Exception {
        Path f = dir.resolve("甲局.xlsx");
        Map<String, BigDecimal> values = new HashMap<>();
        int n = blanks(f, values);
        assertThat(n).as("the report has blanks").isGreaterThan(10);

        Cli.Result text = Cli.run("check", f.toString(), "--annotate", dir.resolve("退回").toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("错误 0 个，警告 1 个").contains(n + " 个单元格未填写，按 0 计；如确实为 0 请填 0");
        assertThat(text.out().lines().filter(l -> l.contains("VAL-BLANK")).count()).isEqualTo(1);

        Cli.Result strict = Cli.run("check", f.toString(), "--strict-blank");
        assertThat(strict.out().lines().filter(l -> l.contains("VAL-BLANK")).count()).isEqualTo(n);

        Cli.Result json = Cli.run("check", f.toString(), "--format", "json");
        List<String> rules = new ObjectMapper().readTree(json.out()).get(0).get("findings").findValuesAsText("rule");
        assertThat(rules.stream().filter("VAL-BLANK"::equals).count()).isEqualTo(n);

        // The annotated copy: blank cells pale grey without a comment, 问题清单 one line.
        Path copy = dir.resolve("退回/甲局-问题标注.xlsx");
        try (Workbook wb = WorkbookFactory.create(copy.toFile(), null, true)) {
            Sheet issues = wb.getSheet(Annotator.ISSUES_SHEET);
            assertThat(issues.getLastRowNum()).isEqualTo(1);
            String blank = layout.cells().stream().filter(c -> !values.containsKey(c.key()) && !layout.isFormula(c.key()))
                    .findFirst().orElseThrow().key();
            Cell cell = Sheets.named(wb, blank);
            assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.GREY_25_PERCENT.getIndex());
            assertThat(cell.getCellComment()).isNull();
        }
    }

    @Test
    void theSummarysListHasOneBlankLinePerFileUnlessEveryCellIsAskedFor() throws Exception {
        Path f = dir.resolve("in/甲局.xlsx");
        Files.createDirectories(f.getParent());
        int n = blanks(f, new HashMap<>());
        Path summary = dir.resolve("汇总.xlsx");
        assertThat(Cli.run("merge", f.getParent().toString(), "-o", summary.toString()).code()).isZero();
        assertThat(blankRows(summary)).isEqualTo(1);
        Path strict = dir.resolve("汇总-逐格.xlsx");
        assertThat(Cli.run("merge", f.getParent().toString(), "-o", strict.toString(), "--strict-blank").code()).isZero();
        assertThat(blankRows(strict)).isEqualTo(n);
    }

    private static long blankRows(Path summary) throws Exception {
        try (Workbook wb = WorkbookFactory.create(summary.toFile(), null, true)) {
            Sheet issues = wb.getSheet("问题清单");
            long rows = 0;
            for (int r = 1; r <= issues.getLastRowNum(); r++) {
                rows += issues.getRow(r).getCell(5).getStringCellValue().equals("VAL-BLANK") ? 1 : 0;
            }
            return rows;
        }
    }
}
