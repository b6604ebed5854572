package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.Checker;
import io.xxgk.excel.Annotator;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast zip+StAX path reads exactly what POI's object model reads, or hands over to it. */
class FastReaderTest {

    private final Layout layout = Layouts.defaultLayout();
    private final WorkbookReader reader = new WorkbookReader(layout);

    @TempDir
    Path dir;

    private void assertSame(Path f) throws Exception {
        SourceReport fast = reader.read(f);
        SourceReport full = reader.readFully(f);
        assertThat(fast.cells()).as(f.toString()).isEqualTo(full.cells());
        assertThat(fast.identity()).as(f.toString()).isEqualTo(full.identity());
        assertThat(fast.identityCells()).as(f.toString()).isEqualTo(full.identityCells());
        assertThat(Checker.check(fast).findings()).isEqualTo(Checker.check(full).findings());
    }

    @Test
    void randomFilledWorkbooksWithTextBlanksErrorsAndStatedTotals() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, seed));
            v.remove("requests.granted.legal");
            Path f = dir.resolve("r" + seed + ".xlsx");
            new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "=单位" + seed)
                    .with(IdentityField.YEAR, "2024").with(IdentityField.PHONE, "0591-1234567"), v, f, false);
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
                Sheets.named(wb, "active.penalty").setCellValue("１２");
                Sheets.named(wb, "active.coercion").setCellValue(true);
                Sheets.named(wb, "appeals.review.upheld").setCellFormula("1/0");
                Sheets.named(wb, "active.fees").setCellValue(112.55034);
                try (FileOutputStream out = new FileOutputStream(f.toFile())) {
                    wb.write(out);
                }
            }
            assertSame(f);
        }
    }

    @Test
    void theExamplesAndTheGoldenWorkbooks() throws Exception {
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("examples")), Files.walk(Path.of("src/test/resources/golden")))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".xlsx")).toList()) {
                assertSame(f);
            }
        }
    }

    @Test
    void anAnnotatedCopyAndASummaryFallBackOrAgree() throws Exception {
        Path f = dir.resolve("a.xlsx");
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 9));
        v.put("active.license", new BigDecimal(-1));
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲"), v, f, false);
        Path annotated = dir.resolve("a-问题标注.xlsx");
        Annotator.write(f, Checker.check(reader.readFully(f)), annotated);
        assertSame(annotated);
        Path summary = dir.resolve("s.xlsx");
        Cli.run("merge", f.toString(), "-o", summary.toString(), "--include-invalid");
        assertThat(reader.read(summary).contains()).hasSize(1);
        assertSame(summary);
    }

    @Test
    void workbooksWithoutOurNamesAreLeftToTheFullReader() throws Exception {
        Path f = dir.resolve("hand.xlsx");
        try (XSSFWorkbook wb = HandMade.build(layout, Reports.valid(layout, 3), HandMade.Style.plain());
             FileOutputStream out = new FileOutputStream(f.toFile())) {
            wb.write(out);
        }
        assertSame(f);
        assertThat(reader.read(f).cells()).hasSize(200);
    }


    /** A sheet with a row below the tables written first: the fast path must not read the tables as blank. */
    @Test
    void rowsOutOfOrderAreReadByTheFullReader() throws Exception {
        Path f = dir.resolve("ordered.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲").with(IdentityField.YEAR, "2024"),
                new HashMap<>(Reports.valid(layout, 11)), f, false);
        Path shuffled = dir.resolve("shuffled.xlsx");
        try (ZipFile in = new ZipFile(f.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(shuffled))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet3.xml")) {
                    // A note row below the tables, written before them.
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int first = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    xml = xml.substring(0, first) + "<row r=\"90\"><c r=\"A90\" t=\"inlineStr\"><is><t>备注</t></is></c></row>"
                            + xml.substring(first);
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertSame(shuffled);
        assertThat(reader.read(shuffled).cells()).isEqualTo(reader.read(f).cells());
    }
}
