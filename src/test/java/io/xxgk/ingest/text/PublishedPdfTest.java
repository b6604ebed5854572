package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.LibreOffice;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PDFs read by the position of their glyphs: the real WPS-made PDF of the seeds (its table 三 drawn
 * column by column, its (六) printed as one row, a misprinted label, a split title), the text
 * pdftotext makes of it, and PDFs LibreOffice makes of the seeds' figures from a web page and from a
 * Word file, ruled and without rulings. Every value exact, no value in a wrong cell.
 */
class PublishedPdfTest {

    static final Path DIR = Path.of("src/test/resources/pdf");
    static final String HZ = "淮安市洪泽区人民政府-2024";

    private final Layout layout = Layouts.defaultLayout();

    @TempDir
    Path dir;

    static Map<String, BigDecimal> expected(Path json) throws Exception {
        JsonNode values = new ObjectMapper().readTree(json.toFile()).get("values");
        Map<String, BigDecimal> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().decimalValue());
        }
        return out;
    }

    /** Every expected key has exactly its value (null stays null); no error. */
    private CheckResult assertExact(Path report, Map<String, BigDecimal> expected, boolean blanksSurvive) throws Exception {
        CheckResult r = Checker.check(new TextReportReader(layout).read(report));
        int exact = 0;
        StringBuilder wrong = new StringBuilder();
        for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
            BigDecimal got = r.values().get(e.getKey());
            boolean same = e.getValue() == null ? got == null || !blanksSurvive : got != null && got.compareTo(e.getValue()) == 0;
            if (same) {
                exact++;
            } else {
                wrong.append(e.getKey()).append('=').append(got).append(" (expected ").append(e.getValue()).append(") ");
            }
        }
        assertThat(exact).as("%s: %s", report.getFileName(), wrong).isEqualTo(expected.size());
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::message).isEmpty();
        return r;
    }

    @Test
    void theRealWpsPdfReadsEveryValueWithItsAgencyAndYear() throws Exception {
        CheckResult r = assertExact(DIR.resolve(HZ + ".pdf"), expected(DIR.resolve(HZ + ".json")), true);
        assertThat(r.identity().get(IdentityField.NAME)).contains("淮安市洪泽区人民政府");
        assertThat(r.identity().get(IdentityField.YEAR)).contains("2024");
        assertThat(r.findings()).filteredOn(f -> f.messageKey().equals("finding.labelNearly"))
                .singleElement().satisfies(f -> {
                    assertThat(f.args()).containsExactly("2.其他法律行政止公开", "2.其他法律行政法规禁止公开");
                    assertThat(f.cell()).isEqualTo("第3页!表格3第9行第3列");
                });
        assertThat(r.findings()).filteredOn(f -> f.messageKey().equals("finding.combinedRow")).hasSize(1);
    }

    @Test
    void theTextPdftotextMakesOfItReadsTheSame() throws Exception {
        CheckResult r = assertExact(DIR.resolve(HZ + ".layout.txt"), expected(DIR.resolve(HZ + ".json")), true);
        assertThat(r.identity().get(IdentityField.NAME)).contains("淮安市洪泽区人民政府");
    }

    @Test
    void showPrintsTheGridWithTheKeyOfEveryValueTaken() throws Exception {
        Cli.Result r = Cli.run("import", "--show", DIR.resolve(HZ + ".pdf").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("第4页!表格4第9行第2列")
                .contains("（七）总计 | 95［requests.total.natural］ | 0［requests.total.business］")
                .contains("（六）其他处理 | 0［requests.other.natural］")
                .contains("淮安市洪泽区人民政府");
    }

    private Path page(String seed, boolean ruled) throws Exception {
        Path f = dir.resolve("报告" + seed + (ruled ? "" : "-无框线") + ".html");
        Files.writeString(f, ReportHtml.render(layout, "某单位2023年政府信息公开工作年度报告",
                expected(SeedsTest.DIR.resolve(seed + ".json")), ruled));
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void pdfsLibreOfficeMakesOfTheSeedsFiguresReadEveryValue(String seed) throws Exception {
        Map<String, BigDecimal> figures = expected(SeedsTest.DIR.resolve(seed + ".json"));
        Path html = page(seed, true);
        // Writer/Web draws the page's tables cell by cell; a table crosses a page; labels wrap.
        Path fromPage = LibreOffice.convert(html, "pdf:writer_web_pdf_Export", dir.resolve("web"));
        assertExact(fromPage, figures, false);
        // The same figures as a Word document, and the PDF Writer exports of it.
        Path docx = LibreOffice.convert(html, "docx:MS Word 2007 XML", dir.resolve("docx"));
        assertExact(docx, figures, true);
        Path fromWord = LibreOffice.convert(docx, "pdf:writer_pdf_Export", dir.resolve("word"));
        CheckResult r = assertExact(fromWord, figures, false);
        assertThat(r.identity().get(IdentityField.YEAR)).contains("2023");
    }

    @Test
    void aPdfWithoutRulingsIsReadByItsLinesWithoutInterleavingThem() throws Exception {
        Path pdf = LibreOffice.convert(page("003", false), "pdf:writer_web_pdf_Export", dir.resolve("plain"));
        // No ruling lines: read by its lines (words joined first, then lines by height), every value exact.
        CheckResult r = assertExact(pdf, expected(SeedsTest.DIR.resolve("003.json")), false);
        assertThat(r.identity().get(IdentityField.NAME)).contains("某单位");
    }

    @Test
    void aScannedPdfSaysItCannotBeReadWithoutOcrAndImportWritesNoWorkbook() throws Exception {
        Path pdf = dir.resolve("扫描件.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (var cs = new PDPageContentStream(doc, page)) {
                // A picture of a page: shapes, no text layer.
                cs.addRect(50, 50, 400, 600);
                cs.fill();
            }
            doc.save(pdf.toFile());
        }
        Path out = dir.resolve("导入");
        Cli.Result r = Cli.run("import", pdf.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("没有文字层").contains("OCR").doesNotContain("--agency");
        assertThat(Files.exists(out) ? Files.list(out).count() : 0).isZero();
        Cli.Result en = Cli.run("check", pdf.toString(), "--lang", "en");
        assertThat(en.out() + en.err()).contains("no text layer");
    }

    @Test
    void lastYearsPublishedReportsInAFolderServeForTheCrossYearChecks() throws Exception {
        Path previous = dir.resolve("上年");
        Files.createDirectories(previous);
        // Last year's report as published text (the figures of seed 003, carried out 22 自然人).
        Files.writeString(previous.resolve("2023.txt"),
                Files.readString(SeedsTest.DIR.resolve("003.txt")).replace("鲤城区", "淮安市洪泽区人民政府"));
        Cli.Result r = Cli.run("check", DIR.resolve(HZ + ".pdf").toString(), "--previous", previous.toString(),
                "--format", "json");
        JsonNode findings = new ObjectMapper().readTree(r.out()).get(0).get("findings");
        assertThat(findings.findValuesAsText("rule")).contains("Y-CARRY");
        assertThat(r.out()).contains("requests.carried_in.natural");
    }
}
