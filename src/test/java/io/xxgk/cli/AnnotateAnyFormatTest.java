package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.Annotator;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.ZipEdit;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry tells a file by its content, and every workbook with problems gets an annotated
 * copy: a file without an ending (it crashed the annotator, exit 70, the rest of the batch unsaid),
 * an .ods (refused "ODF not supported", exit 3: now an .xlsx in the official layout, said so).
 */
class AnnotateAnyFormatTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookWithoutAnEndingIsReadAndAnnotatedAndTheBatchGoesOn() throws Exception {
        Path bare = Files.copy(Path.of("examples/2023/福州市长乐区财政局.xlsx"), dir.resolve("财政局"));
        Path good = Files.copy(Path.of("examples/2023/上杭县人民政府办公室.xlsx"), dir.resolve("上杭县.xlsx"));
        Path out = dir.resolve("退回");
        Cli.Result r = Cli.run("check", bare.toString(), good.toString(), "--annotate", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("T3-BAL").contains("上杭县.xlsx");
        Path copy = out.resolve("财政局-问题标注.xlsx");
        assertThat(copy).exists();
        assertThat(OutputMark.of(copy)).isEqualTo(OutputMark.Kind.ANNOTATED);
    }

    @Test
    void anOdsWithAnErrorGetsItsCopyAsAnXlsxInTheOfficialLayout() throws Exception {
        // LibreOffice's own file (committed), one count made negative in its content.
        Path ods = ZipEdit.rewrite(Path.of("src/test/resources/writers/libreoffice-template.ods"), dir.resolve("政府办.ods"),
                "content.xml", x -> x.replace("office:value=\"243\"", "office:value=\"-243\"")
                        .replace("<text:p>243</text:p>", "<text:p>-243</text:p>"));
        Path out = dir.resolve("退回");
        Cli.Result r = Cli.run("check", ods.toString(), "--annotate", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("VAL-NUM");
        Path copy = out.resolve("政府办-问题标注.xlsx");
        assertThat(copy).exists();
        assertThat(r.err()).contains("写成了 .xlsx").contains(copy.getFileName().toString());
        // The copy is our template with the numbers read and the finding at the cell of its key.
        CheckResult again = new CheckRunner(Layouts.defaultLayout(), null, null).run(copy);
        assertThat(again.mark()).isEqualTo(OutputMark.Kind.ANNOTATED);
        assertThat(again.values().get("requests.new.natural")).isEqualByComparingTo("32");
        try (var wb = WorkbookFactory.create(copy.toFile())) {
            var issues = wb.getSheet(Annotator.ISSUES_SHEET);
            assertThat(issues).isNotNull();
            List<String> texts = new ArrayList<>();
            issues.forEach(row -> row.forEach(c -> texts.add(c.toString())));
            assertThat(texts).anySatisfy(t -> assertThat(t).contains("VAL-NUM"));
            String at = again.location("active.normative.in_force");
            var ref = new CellReference(at);
            var cell = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
            assertThat(cell.getCellComment()).as("comment on " + at).isNotNull();
        }
    }

    @Test
    void aWpsDocumentIsToldToBeSavedAsDocxAndAnEtIsReadAsTheWorkbookItIs() throws Exception {
        // WPS's .et is BIFF like an .xls (a .xls renamed is the closest file this machine can make).
        Path xls = dir.resolve("单位.xls");
        try (var wb = new HSSFWorkbook()) {
            new TemplateWriter(Layouts.defaultLayout()); // the layout exists
            var sheet = wb.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("不是报表");
            try (var os = Files.newOutputStream(xls)) {
                wb.write(os);
            }
        }
        Path et = Files.copy(xls, dir.resolve("单位.et"));
        // A Word 97 / WPS Writer file: OLE2 with a WordDocument stream (POI writes the container).
        Path wps = dir.resolve("报告.wps");
        try (var fs = new POIFSFileSystem(); var os = Files.newOutputStream(wps)) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(os);
        }
        Cli.Result r = Cli.run("check", et.toString(), wps.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("单位.et").contains("没有找到任何一张统计表")
                .contains("报告.wps").contains("另存为” .docx");
    }
}
