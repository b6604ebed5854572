package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Sheets;
import io.xxgk.testing.Workbooks;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellComments;

/**
 * The annotated copy as it prints: a warning cell printed pink like an error (the template's own red
 * rule won), 2.5 showed as 3, comments never printed.
 */
class AnnotatedCopyPrintTest {

    @TempDir
    Path dir;

    private final Layout layout = Layouts.get("2021");

    /** A report with a count typed as text ("1,234", a warning) and a count with a fraction (an error). */
    static Path report(Path f, Layout layout) throws Exception {
        return Workbooks.edited(Workbooks.filled(layout, 3L, "甲局", "2023", f), wb -> {
            Sheets.named(wb, "active.license").setCellValue("1,234");
            Sheets.named(wb, "active.penalty").setCellValue(2.5);
        });
    }

    @Test
    void aWarningPrintsYellowAFractionShowsAsTypedAndTheCommentsPrintAtTheEnd() throws Exception {
        Path f = report(dir.resolve("甲局.xlsx"), layout);
        Cli.Result r = Cli.run("check", f.toString(), "--annotate", dir.resolve("退回").toString());
        assertThat(r.out()).contains("VAL-TEXT").contains("VAL-NUM");
        try (InputStream in = Files.newInputStream(dir.resolve("退回/甲局-问题标注.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Cell fraction = Sheets.named(wb, "active.penalty");
            assertThat(fraction.getCellStyle().getDataFormatString()).isEqualTo("General");
            XSSFSheet sheet = (XSSFSheet) fraction.getSheet();
            assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings())
                    .as("the template's own colouring rules are off in the copy").isZero();
            assertThat(sheet.getCTWorksheet().getPageSetup().getCellComments()).isEqualTo(STCellComments.AT_END);
            assertThat(Sheets.named(wb, "active.license").getCellComment()).isNotNull();
        }
    }
}
