package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.Identity;
import io.xxgk.schema.Layouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * templates/ holds the blank workbook users download; it must match what the code generates now.
 * Compared by content (sheets, cells, formulas, merges, names, validations), not bytes.
 * To refresh: {@code ./xxgk template [--layout 2019] -o templates/政府信息公开工作年度报告统计表-<layout>.xlsx --force}.
 */
class BundledTemplateTest {

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void theBundledBlankTemplatesMatchTheGenerator(String layout) throws Exception {
        Path bundled = Path.of("templates", "政府信息公开工作年度报告统计表-" + layout + ".xlsx");
        assertThat(bundled).exists();
        try (Workbook saved = WorkbookFactory.create(Files.newInputStream(bundled));
             Workbook fresh = new TemplateWriter(Layouts.get(layout)).build(Identity.empty(), Map.of())) {
            assertThat(describe(saved)).as("regenerate templates/ with ./xxgk template --layout %s --force", layout)
                    .containsExactlyElementsOf(describe(fresh));
        }
    }

    static List<String> describe(Workbook wb) {
        List<String> out = new ArrayList<>();
        out.add("mark " + OutputMark.of(wb));
        for (Sheet sheet : wb) {
            out.add("sheet " + sheet.getSheetName() + " protected=" + sheet.getProtect());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    out.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + content(cell)
                            + " locked=" + cell.getCellStyle().getLocked());
                }
            }
            sheet.getMergedRegions().stream().map(m -> "merge " + m.formatAsString()).sorted().forEach(out::add);
            sheet.getDataValidations().stream().map(v -> "validation " + v.getValidationConstraint().getValidationType()
                    + " " + v.getRegions().getCellRangeAddresses().length).sorted().forEach(out::add);
            out.add("cf " + sheet.getSheetConditionalFormatting().getNumConditionalFormattings());
        }
        wb.getAllNames().stream().map(BundledTemplateTest::name).sorted().forEach(out::add);
        return out;
    }

    private static String name(Name n) {
        return "name " + n.getNameName() + "=" + n.getRefersToFormula();
    }

    private static String content(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> "s:" + cell.getStringCellValue();
            case NUMERIC -> "n:" + cell.getNumericCellValue();
            case FORMULA -> "f:" + cell.getCellFormula();
            case BOOLEAN -> "b:" + cell.getBooleanCellValue();
            default -> "blank";
        };
    }
}
