package io.xxgk.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.Checker;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.ZipEdit;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of {@code src/test/resources/hostile/} (its README says what each did and should do),
 * one test each, through the command line as a user runs it.
 */
class HostileInputsTest {

    static final Path HOSTILE = Path.of("src/test/resources/hostile");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    /** R01: a .docx whose document part changed (288 → 289) under its old CRC is damaged, never read as 289. */
    @Test
    void aWordPartThatIsNotWhatWasWrittenIsRefused() throws Exception {
        Cli.Result damaged = Cli.run("check", "--format", "json", HOSTILE.resolve("R01_docx_crc/H10_docx_crc_mismatch.docx").toString());
        assertThat(damaged.code()).isEqualTo(3);
        JsonNode r = json.readTree(damaged.out()).get(0);
        assertThat(r.get("values").size()).isZero();
        assertThat(r.get("findings").get(0).get("rule").asText()).isEqualTo("READ-FILE");
        assertThat(r.get("findings").get(0).get("message").asText()).contains("文件损坏");
        // The same document as written reads, with the number it holds.
        Cli.Result original = Cli.run("check", "--format", "json", HOSTILE.resolve("R01_docx_crc/shanghang.docx").toString());
        assertThat(original.code()).isZero();
        assertThat(json.readTree(original.out()).get(0).get("values").get("active.normative.in_force").asInt()).isEqualTo(288);
    }

    /** R01 for OpenDocument: a number changed inside content.xml under its old CRC is damage too. */
    @Test
    void anOdsPartThatIsNotWhatWasWrittenIsRefused() throws Exception {
        Path ods = Path.of("src/test/resources/writers/libreoffice-template.ods");
        Path stored = stored(ods, dir.resolve("stored.ods"));
        assertThat(Cli.run("check", stored.toString()).code()).as("the stored copy reads").isIn(0, 1);
        byte[] bytes = Files.readAllBytes(stored);
        byte[] from = "office:value=\"243\"".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, from);
        assertThat(at).as("the number in the stored content.xml").isPositive();
        bytes[at + from.length - 2] = '4';
        Path changed = Files.write(dir.resolve("changed.ods"), bytes);
        Cli.Result r = Cli.run("check", changed.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("文件损坏").contains("content.xml");
    }

    /** R03: a workbook without an ending among others is read by its content and annotated; all three are reported. */
    @Test
    void aWorkbookWithoutAnEndingIsAnnotatedAmongOthers() throws Exception {
        Path h = HOSTILE.resolve("R03_annotate_noext_crash");
        Cli.Result r = Cli.run("check", h.resolve("a.xlsx").toString(), h.resolve("报表").toString(), h.resolve("z.xlsx").toString(),
                "--annotate", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("a.xlsx").contains("报表").contains("z.xlsx");
        assertThat(dir.resolve("out/报表-问题标注.xlsx")).exists();
        assertThat(dir.resolve("out/a-问题标注.xlsx")).exists();
    }

    /**
     * R09: a workbook of thousands of parts (R09's make.py adds 6,000 of 1 MiB) is refused at once, without
     * inflating them; a few unused parts beside a good workbook cost nothing and change nothing.
     */
    @Test
    void aWorkbookOfThousandsOfPartsIsRefusedAndUnusedPartsAreNotRead() throws Exception {
        Path good = Path.of("examples/2023/上杭县人民政府办公室.xlsx");
        Path many = withExtraParts(good, dir.resolve("many.xlsx"), 2500, 16);
        Cli.Result r = Cli.run("check", many.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("压缩炸弹").contains("2512 parts");
        Path few = withExtraParts(good, dir.resolve("few.xlsx"), 20, 1 << 20);
        JsonNode a = json.readTree(Cli.run("check", "--format", "json", good.toString()).out()).get(0).get("values");
        Cli.Result f = Cli.run("check", "--format", "json", few.toString());
        assertThat(f.code()).as(f.out()).isZero();
        assertThat(json.readTree(f.out()).get(0).get("values")).isEqualTo(a);
    }

    /**
     * R02: crafted but valid workbooks are read as Excel and LibreOffice show them, or refused as ambiguous;
     * never a third answer, never two by file name: the package pointing at another workbook part (LibreOffice
     * shows 1062; .xlsx read 62, .xlsm 1062), a row written twice (LibreOffice shows the second copy), two
     * relationships of one id (programs differ: refused), a cell written twice at a row's end (241 or 8644 by reader).
     */
    @Test
    void craftedWorkbooksAreReadAsTheyShowOrRefused() throws Exception {
        Path h = HOSTILE.resolve("R02_reader_differential");
        assertThat(values(h.resolve("gen1.xlsx")).get("requests.new.natural").asInt()).isEqualTo(62);
        Path xlsm = Files.copy(h.resolve("D3_workbook2.xlsx"), dir.resolve("D3_workbook2.xlsm"));
        assertThat(values(h.resolve("D3_workbook2.xlsx")).get("requests.new.natural").asInt()).isEqualTo(1062);
        assertThat(values(xlsm)).isEqualTo(values(h.resolve("D3_workbook2.xlsx")));
        JsonNode twiceRow = values(h.resolve("D2_duprow53.xlsx"));
        assertThat(twiceRow.get("appeals.review.other").asInt()).isEqualTo(181);
        assertThat(twiceRow).isEqualTo(fully(h.resolve("D2_duprow53.xlsx")));
        Cli.Result twoIds = Cli.run("check", h.resolve("D4_duprelid.xlsx").toString());
        assertThat(twoIds.code()).isEqualTo(3);
        assertThat(twoIds.out()).contains("文件损坏").contains("two relationships with id rId3");
        Path twiceCell = ZipEdit.rewrite(h.resolve("gen1.xlsx"), dir.resolve("twice-cell.xlsx"), "xl/worksheets/sheet3.xml",
                x -> x.replaceFirst("(<row r=\"13\"[^>]*>.*?)</row>", "$1<c r=\"G13\" t=\"n\"><v>8644</v></c></row>"));
        assertThat(ZipEdit.read(twiceCell, "xl/worksheets/sheet3.xml")).contains("8644");
        JsonNode cell = values(twiceCell);
        assertThat(cell.get("active.penalty").asInt()).isEqualTo(8644);
        assertThat(cell).isEqualTo(fully(twiceCell));
    }

    private JsonNode values(Path file) throws Exception {
        Cli.Result r = Cli.run("check", "--format", "json", file.toString());
        return json.readTree(r.out()).get(0).get("values");
    }

    /** The values POI's full reader gives (the reader Excel-like programs agree with on these files). */
    private JsonNode fully(Path file) throws Exception {
        SourceReport src = new WorkbookReader(Layouts.defaultLayout()).readFully(file);
        return json.readTree(json.writeValueAsString(Checker.check(src).values()));
    }

    /** R12: an agency name holding a C1 control (U+009B, a terminal's CSI) is escaped in JSON too. */
    @Test
    void controlCharactersInNamesAreEscapedInJson() throws Exception {
        Cli.Result r = Cli.run("check", "--format", "json", HOSTILE.resolve("R12_json_raw_c1_bidi/S19_0055_ctrl_name.html").toString());
        assertThat(r.out()).doesNotContain("\u009b").contains("\\u009b");
        assertThat(json.readTree(r.out()).get(0).get("agency").get("name").asText()).endsWith("\u009b31m");
        Path merged = dir.resolve("m.json");
        Cli.Result m = Cli.run("merge", "--format", "json", HOSTILE.resolve("R12_json_raw_c1_bidi/S19_0055_ctrl_name.html").toString());
        Files.writeString(merged, m.out());
        assertThat(m.out()).doesNotContain("\u009b").contains("\\u009b");
    }

    /**
     * R11: formulas where numbers are typed (a DDE link {@code cmd|'/c calc'!A1}, HYPERLINK) are said, and the
     * annotated copy carries none of them: those cells hold their values; the template's totals stay formulas.
     */
    @Test
    void formulasInInputCellsAreSaidAndNeverReachTheAnnotatedCopy() throws Exception {
        Path h = HOSTILE.resolve("R11_annotated_copy_keeps_formulas");
        Map<String, String> cells = Map.of("S24_0095_formula_text.xlsx", "统计表!I44", "S29_0084_formula_text.xlsx", "统计表!J47");
        for (var e : cells.entrySet()) {
            Path in = h.resolve(e.getKey());
            JsonNode r = json.readTree(Cli.run("check", "--format", "json", in.toString(), "--annotate", dir.toString()).out()).get(0);
            JsonNode formula = null;
            for (JsonNode f : r.get("findings")) {
                if (f.get("rule").asText().equals("VAL-FORMULA")) {
                    formula = f;
                }
            }
            assertThat(formula).as(e.getKey()).isNotNull();
            assertThat(formula.get("cell").asText()).isEqualTo(e.getValue());
            assertThat(formula.get("severity").asText()).isEqualTo("warning");
            Path copy = dir.resolve(e.getKey().replace(".xlsx", "-问题标注.xlsx"));
            assertThat(formulas(copy)).as(e.getKey()).isNotEmpty().allSatisfy(f -> assertThat(f).doesNotContain("|")
                    .doesNotContainIgnoringCase("HYPERLINK").doesNotContain("["));
            try (Workbook wb = WorkbookFactory.create(copy.toFile(), null, true)) {
                CellReference ref = new CellReference(e.getValue());
                Cell cell = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
                assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
            }
        }
    }

    /** A workbook edited by hand: formulas in typed cells and beside the tables, in .xlsx and in .xls. */
    @Test
    void onlyTheTemplatesOwnFormulasSurviveInACopyOfAnyWorkbook() throws Exception {
        for (String ext : List.of("xlsx", "xls")) {
            Path source = ext.equals("xlsx") ? Path.of("examples/2023/福州市长乐区财政局.xlsx")
                    : HOSTILE.resolve("R10_xls_bitflip/lo_gen1.xls");
            Path in = dir.resolve("手改." + ext);
            try (InputStream is = Files.newInputStream(source); Workbook wb = WorkbookFactory.create(is)) {
                Sheet stats = wb.getSheet("统计表");
                Row row = stats.getRow(0) != null ? stats.getRow(0) : stats.createRow(0);
                row.createCell(30).setCellFormula("HYPERLINK(\"http://evil.example/x\",\"点击\")");
                row.createCell(31).setCellFormula("WEBSERVICE(\"http://evil.example/y\")");
                // A finding, for a copy to be written: 自然人's new requests (统计表!I23) negative.
                stats.getRow(22).getCell(8).setCellValue(-1);
                try (OutputStream os = Files.newOutputStream(in)) {
                    wb.write(os);
                }
            }
            Cli.Result r = Cli.run("check", in.toString(), "--annotate", dir.resolve("out-" + ext).toString(), "--strict-blank");
            assertThat(r.code()).as(r.err()).isIn(0, 1);
            Path copy = dir.resolve("out-" + ext).resolve("手改-问题标注." + ext);
            assertThat(copy).as(r.out()).exists();
            List<String> left = formulas(copy);
            assertThat(left).as(ext).isNotEmpty().noneMatch(f -> f.contains("HYPERLINK") || f.contains("WEBSERVICE"))
                    .anyMatch(f -> f.startsWith("SUM("));
        }
    }

    /**
     * R05: PDF pages of ruling lines (N × N grids, 10-64 KB, minutes each before) are refused at once when
     * they hold no text, read as text when a grid of far more cells than any report's has a word on it, and
     * a small file drawing one large form on every page is too large: the form counts with each page.
     * (The time bound is a guard against a hang, not a speed target: {@code bench/hostile.sh} times them.)
     */
    @Test
    void gridsOfRulingLinesCostSecondsNotMinutes() throws Exception {
        Path h = HOSTILE.resolve("R05_grid_pdf_slow_and_pool_starvation");
        Path withText = grid(dir.resolve("grid-text.pdf"), 1000, 1, false, "2023");
        Path forms = grid(dir.resolve("forms.pdf"), 1500, 20, true, "2023");
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (String f : List.of("H01_grid300.pdf", "H02_grid1000.pdf", "H03_grid2000.pdf", "H04_grid2000x3.pdf")) {
                Cli.Result r = Cli.run("check", h.resolve(f).toString());
                assertThat(r.code()).as(f).isEqualTo(3);
                assertThat(r.out()).as(f).contains("没有文字层");
            }
            Cli.Result text = Cli.run("check", "--format", "json", withText.toString());
            assertThat(json.readTree(text.out()).get(0).get("findings").findValuesAsText("rule")).contains("READ-TABLES");
            Cli.Result big = Cli.run("check", forms.toString());
            assertThat(big.code()).isEqualTo(3);
            assertThat(big.out()).contains("文件过大").contains("page content over");
        });
    }

    /** R06: an HTML table of 200,000 cells each spanning 200 × 200 is too large, said in seconds (it took 6 GB). */
    @Test
    void aTableOfHugeSpansIsTooLarge() throws Exception {
        StringBuilder html = new StringBuilder("<html><body><p>二、主动公开政府信息情况</p><table>");
        String row = "<tr>" + "<td rowspan=\"200\" colspan=\"200\">1</td>".repeat(2000) + "</tr>";
        html.append(row.repeat(100)).append("</table></body></html>");
        Path page = Files.writeString(dir.resolve("spans.html"), html);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Cli.Result r = Cli.run("check", page.toString());
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.out()).contains("文件过大");
        });
    }

    /**
     * A PDF of {@code pages} pages of an {@code n} × {@code n} grid of thin lines (drawn through one form
     * object when {@code viaForm}) and the word {@code text}, as R05's mkpdf.py makes them.
     */
    private static Path grid(Path out, int n, int pages, boolean viaForm, String text) throws Exception {
        float size = n * 3f + 20;
        StringBuilder lines = new StringBuilder("0.1 w\n");
        for (int i = 0; i < n; i++) {
            float at = 10 + i * 3f;
            lines.append(String.format(Locale.ROOT, "10 %.1f m %.1f %.1f l S\n%.1f 10 m %.1f %.1f l S\n",
                    at, 10 + n * 3f, at, at, at, 10 + n * 3f));
        }
        try (PDDocument doc = new PDDocument()) {
            PDFormXObject form = null;
            if (viaForm) {
                // Drawn over and over: about 2 MB of drawing, given again on every page.
                form = new PDFormXObject(stream(doc, lines.toString().repeat(20)));
                form.setBBox(new PDRectangle(size, size));
            }
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(new PDRectangle(size, size));
                PDResources res = new PDResources();
                COSName font = res.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
                String drawn = form != null ? "/" + res.add(form).getName() + " Do\n" : lines.toString();
                page.setResources(res);
                page.setContents(stream(doc, drawn + "BT /" + font.getName() + " 12 Tf 72 " + (size - 72) + " Td (" + text + ") Tj ET\n"));
                doc.addPage(page);
            }
            doc.save(out.toFile());
        }
        return out;
    }

    private static PDStream stream(PDDocument doc, String content) throws Exception {
        return new PDStream(doc, new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE);
    }

    /** Every formula in every sheet of {@code file}. */
    private static List<String> formulas(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            out.add(cell.getCellFormula());
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * File names that are not UTF-8 (a zip from Chinese Windows unpacked here: 报表 is b1a8b1ed in GBK) were
     * "文件是空的（0 字节）", shown as "����.xlsx", two of them under one name: they are read (through a link
     * of the run), shown decoded as GBK, or byte by byte where they are not GBK either, each under its own name.
     */
    @Test
    void namesThatAreNotUtf8AreReadAndShownByTheirOwnNames() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("gbk"));
        // Made by a process that writes the bytes as they are (Java cannot name such a file itself here).
        Process p = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/$(printf '\\261\\250\\261\\355').xlsx\" && "
                + "cp \"$1\" \"$2/$(printf 'a\\377\\376').xlsx\"", "sh",
                Path.of("examples/2023/上杭县人民政府办公室.xlsx").toAbsolutePath().toString(), folder.toString()).start();
        assertThat(p.waitFor()).isZero();
        Cli.Result r = Cli.run("check", "--format", "json", folder.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode results = json.readTree(r.out());
        List<String> files = new ArrayList<>();
        results.forEach(x -> files.add(x.get("file").asText()));
        assertThat(files).containsExactlyInAnyOrder(folder.resolve("报表.xlsx").toString(), folder + "/a\\xff\\xfe.xlsx");
        JsonNode good = values(Path.of("examples/2023/上杭县人民政府办公室.xlsx"));
        results.forEach(x -> assertThat(x.get("values")).isEqualTo(good));
    }

    /** {@code in} rewritten with every part stored (not deflated), so its bytes can be edited in place. */
    private static Path stored(Path in, Path out) throws Exception {
        try (ZipFile z = new ZipFile(in.toFile()); OutputStream os = Files.newOutputStream(out); ZipOutputStream zo = new ZipOutputStream(os)) {
            for (ZipEntry e : Collections.list(z.entries())) {
                ZipEdit.putStored(zo, e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** {@code in} with {@code count} more parts of {@code size} zero bytes that no reader uses. */
    private static Path withExtraParts(Path in, Path out, int count, int size) throws Exception {
        try (ZipFile z = new ZipFile(in.toFile()); ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(z.entries())) {
                zo.putNextEntry(new ZipEntry(e.getName()));
                z.getInputStream(e).transferTo(zo);
                zo.closeEntry();
            }
            byte[] zeros = new byte[size];
            for (int i = 0; i < count; i++) {
                zo.putNextEntry(new ZipEntry(String.format("xl/media/z%05d.bin", i)));
                zo.write(zeros);
                zo.closeEntry();
            }
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
