package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.Annotator;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook written by import keeps what the import could not read (the unread row's READ finding
 * was gone, and check of the workbook reported the blank row as T3-COL errors of the report itself).
 */
class ImportKeepsWhatItCouldNotReadTest {

    @TempDir
    Path dir;

    @Test
    void theUnreadRowIsSaidInTheWorkbookAndCheckSaysItWasNotReadRatherThanSumsOff() throws Exception {
        String text = Files.readString(Path.of("examples/报告/上杭县人民政府办公室-2023.txt"));
        // The label of row (一) 予以公开 lost: its numbers cannot be placed.
        String broken = text.replace("(一) 予以公开\t5", "(一) \t5");
        assertThat(broken).isNotEqualTo(text);
        Path report = Files.writeString(dir.resolve("上杭县.txt"), broken);
        Path book = dir.resolve("上杭县.xlsx");
        Cli.Result imported = Cli.run("import", report.toString(), "-o", book.toString());
        assertThat(imported.code()).as(imported.err()).isEqualTo(1);

        assertThat(OutputMark.of(book)).isEqualTo(OutputMark.Kind.IMPORTED);
        assertThat(OutputMark.value(book, OutputMark.IMPORT_UNREAD)).contains("requests.granted.natural");
        try (Workbook wb = WorkbookFactory.create(book.toFile(), null, true)) {
            assertThat(wb.getSheet(Annotator.ISSUES_SHEET)).as("the import's findings in the workbook").isNotNull();
        }

        Cli.Result checked = Cli.run("check", book.toString(), "--format", "json");
        JsonNode findings = new ObjectMapper().readTree(checked.out()).get(0).get("findings");
        List<String> rules = findings.findValuesAsText("rule");
        assertThat(rules).contains("READ").doesNotContain("T3-COL", "T3-ROW", "T3-BAL");
        assertThat(findings.toString()).contains("导入时未读取");
    }
}
