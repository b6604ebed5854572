package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.finding.Severity;
import io.xxgk.schema.CellDef;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same figures as a web page, a Word file and a PDF read exactly like the text. */
class FormatsTest {

    private final Layout layout = Layouts.defaultLayout();

    @TempDir
    Path dir;

    private static Map<String, BigDecimal> seed(String id) throws Exception {
        JsonNode values = new ObjectMapper().readTree(SeedsTest.DIR.resolve(id + ".json").toFile()).get("values");
        Map<String, BigDecimal> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().decimalValue());
        }
        return out;
    }

    private Path html(String id, String title) throws Exception {
        Path f = dir.resolve("报告" + id + ".html");
        Files.writeString(f, ReportHtml.render(layout, title, seed(id)));
        return f;
    }

    private void assertExact(Path report, Map<String, BigDecimal> expected, boolean blanksSurvive) throws Exception {
        CheckResult r = Checker.check(new TextReportReader(layout).read(report));
        for (CellDef def : layout.cells()) {
            BigDecimal e = expected.get(def.key());
            BigDecimal got = r.values().get(def.key());
            if (e == null && blanksSurvive) {
                assertThat(got).as(report + " " + def.key()).isNull();
            } else if (e != null) {
                assertThat(got).as(report + " " + def.key()).isEqualByComparingTo(e);
            }
        }
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        assertThat(r.identity().get(IdentityField.YEAR)).contains("2023");
    }

    @Test
    void aWebPageWithSpansBreaksAndNbspReadsExactlyWithItsEmptyCells() throws Exception {
        assertExact(html("001", "泉州市丰泽区人民政府办公室2023年政府信息公开工作年度报告"), seed("001"), true);
        assertExact(html("003", "鲤城区2023年政府信息公开工作年度报告"), seed("003"), true);
    }

    @Test
    void wordAndPdfMadeByLibreOfficeFromTheWebPageReadExactly() throws Exception {
        Path page = html("003", "鲤城区2023年政府信息公开工作年度报告");
        Path docx = LibreOffice.convert(page, "docx:MS Word 2007 XML", dir.resolve("docx"));
        assertExact(docx, seed("003"), true);
        Path pdf = LibreOffice.convert(page, "pdf:writer_web_pdf_Export", dir.resolve("pdf"));
        assertExact(pdf, seed("003"), false);
    }

    @Test
    void importWritesAWorkbookThatChecksAndMergesLikeASubmission() throws Exception {
        Path page = html("002", "上杭县人民政府办公室2023年政府信息公开工作年度报告");
        Path out = dir.resolve("导入");
        Cli.Result r = Cli.run("import", page.toString(), SeedsTest.DIR.resolve("001.txt").toString(),
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path book = out.resolve("上杭县人民政府办公室-2023.xlsx");
        assertThat(book).exists();
        JsonNode checked = new ObjectMapper().readTree(Cli.run("check", book.toString(), "--format", "json").out()).get(0);
        assertThat(checked.get("values").get("active.normative.in_force").asInt()).isEqualTo(288);
        JsonNode merged = new ObjectMapper().readTree(Cli.run("merge", out.toString(), "--format", "json").out());
        assertThat(merged.get("units").asInt()).isEqualTo(2);
        assertThat(merged.get("values").get("requests.new.total").asInt()).isEqualTo(7 + 25);
    }
}
