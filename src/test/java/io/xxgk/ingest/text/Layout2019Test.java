package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.schema.ValueType;
import io.xxgk.testing.Cli;
import io.xxgk.testing.LibreOffice;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 2019 layout: its keys, its template, its values, its readers, and no mixing with 2021. */
class Layout2019Test {

    static final long SEED = 2019L;
    private final Layout layout = Layouts.get("2019");

    @TempDir
    Path dir;

    /** Valid 2019 values: the shared tables from the generic generator, table 二 with signed changes. */
    private Map<String, BigDecimal> values(long seed) {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, seed));
        Random rnd = new Random(seed);
        for (CellDef c : layout.cells()) {
            if (c.type() == ValueType.SIGNED) {
                v.put(c.key(), BigDecimal.valueOf(rnd.nextInt(21) - 10));
            }
        }
        return v;
    }

    @Test
    void hasItsOwnKeysAndSharesTablesThreeAndFourWithoutTheSplitOtherRow() {
        assertThat(layout.cells()).hasSize(22 + 23 * 7 + 15);
        assertThat(layout.cell("requests.other.total")).isPresent();
        assertThat(layout.cell("requests.other_no_fee.total")).isEmpty();
        assertThat(layout.cell("active.license.change").orElseThrow().type()).isEqualTo(ValueType.SIGNED);
        assertThat(layout.cell("active.procurement.amount").orElseThrow().type()).isEqualTo(ValueType.AMOUNT);
        assertThat(layout.formulas().get("requests.total.natural").right()).hasSize(19);
        assertThat(Cli.run("schema", "--layout", "2019").out()).contains("active.other_services.change", "共 198 个");
    }

    @Test
    void itsTemplateRoundTripsWithSignedChanges() throws Exception {
        for (long seed = SEED; seed < SEED + 3; seed++) {
            Map<String, BigDecimal> v = values(seed);
            Map<String, BigDecimal> inputs = new HashMap<>(v);
            layout.formulas().keySet().forEach(inputs::remove);
            Path f = dir.resolve("t" + seed + ".xlsx");
            new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "某局")
                    .with(IdentityField.YEAR, "2020"), inputs, f, false);
            CheckResult r = new CheckRunner(Layouts.defaultLayout(), null, null).run(f);
            assertThat(r.layout().id()).isEqualTo("2019");
            for (Map.Entry<String, BigDecimal> e : v.entrySet()) {
                assertThat(r.values().get(e.getKey())).as(e.getKey()).isEqualByComparingTo(e.getValue());
            }
            assertThat(r.findings()).filteredOn(x -> x.severity() == Severity.ERROR).isEmpty();
        }
    }

    @Test
    void signWordsAndYuanAreReadWithTheirConversionShown() throws Exception {
        Path f = dir.resolve("w.xlsx");
        Map<String, BigDecimal> inputs = new HashMap<>(values(SEED));
        layout.formulas().keySet().forEach(inputs::remove);
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "某局").with(IdentityField.YEAR, "2020"),
                inputs, f, false);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            Sheets.named(wb, "active.license.change").setCellValue("增3");
            Sheets.named(wb, "active.penalty.change").setCellValue("减4");
            Sheets.named(wb, "active.coercion.change").setCellValue("+2");
            Sheets.named(wb, "active.fees.change").setCellValue("-4");
            Sheets.named(wb, "active.procurement.amount").setCellValue("251000元");
            Sheets.named(wb, "active.license.decisions").setCellValue(-1);
            try (FileOutputStream out = new FileOutputStream(f.toFile())) {
                wb.write(out);
            }
        }
        CheckResult r = new CheckRunner(layout, null, null).run(f);
        assertThat(r.values().get("active.license.change")).isEqualByComparingTo("3");
        assertThat(r.values().get("active.penalty.change")).isEqualByComparingTo("-4");
        assertThat(r.values().get("active.coercion.change")).isEqualByComparingTo("2");
        assertThat(r.values().get("active.fees.change")).isEqualByComparingTo("-4");
        assertThat(r.values().get("active.procurement.amount")).isEqualByComparingTo("25.1");
        assertThat(r.findings()).filteredOn(x -> "active.procurement.amount".equals(x.key()))
                .extracting(Finding::rule).containsExactly("VAL-UNIT");
        assertThat(r.findings()).filteredOn(x -> "active.procurement.amount".equals(x.key()))
                .extracting(Finding::message).first().asString().contains("251000元", "25.1");
        assertThat(r.findings()).filteredOn(x -> "active.license.decisions".equals(x.key()))
                .extracting(Finding::rule).containsExactly("VAL-NUM");
    }

    @Test
    void aReportOfThe2019LayoutReadsExactlyAsTextWebPageWordAndPdf() throws Exception {
        Map<String, BigDecimal> v = values(SEED + 7);
        Path page = dir.resolve("报告2019.html");
        Files.writeString(page, ReportHtml.render(layout, "某某局2020年政府信息公开工作年度报告", v));
        Path docx = LibreOffice.convert(page, "docx:MS Word 2007 XML", dir.resolve("docx"));
        Path pdf = LibreOffice.convert(page, "pdf:writer_web_pdf_Export", dir.resolve("pdf"));
        if (System.getProperty("keep") != null) {
            Files.copy(pdf, Path.of(System.getProperty("keep")), StandardCopyOption.REPLACE_EXISTING);
        }
        Path txt = dir.resolve("报告2019.txt");
        Files.writeString(txt, ReportText.of(docx));
        for (Path report : new Path[] {page, docx, pdf, txt}) {
            CheckResult r = new CheckRunner(Layouts.defaultLayout(), null, null).run(report);
            assertThat(r.layout().id()).as(report.toString()).isEqualTo("2019");
            for (Map.Entry<String, BigDecimal> e : v.entrySet()) {
                assertThat(r.values().get(e.getKey())).as(report + " " + e.getKey()).isEqualByComparingTo(e.getValue());
            }
            assertThat(r.identity().get(IdentityField.YEAR)).contains("2020");
        }
    }

    @Test
    void mergingThe2019And2021LayoutsIsRefusedNamingBoth() throws Exception {
        Map<String, BigDecimal> inputs = new HashMap<>(values(SEED + 1));
        layout.formulas().keySet().forEach(inputs::remove);
        Path old = dir.resolve("旧版.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                inputs, old, false);
        Path current = dir.resolve("新版.xlsx");
        Map<String, BigDecimal> v2021 = new HashMap<>(Reports.valid(Layouts.get("2021"), SEED));
        Layouts.get("2021").formulas().keySet().forEach(v2021::remove);
        new TemplateWriter(Layouts.get("2021")).write(Identity.empty().with(IdentityField.NAME, "乙局")
                .with(IdentityField.YEAR, "2023"), v2021, current, false);
        JsonNode r = new ObjectMapper().readTree(Cli.run("merge", old.toString(), current.toString(),
                "--layout", "2021", "--format", "json").out());
        assertThat(r.get("layout").asText()).isEqualTo("2021");
        JsonNode layoutFinding = null;
        for (JsonNode f : r.get("findings")) {
            if (f.get("rule").asText().equals("M-LAYOUT")) {
                layoutFinding = f;
            }
        }
        assertThat(layoutFinding).isNotNull();
        assertThat(layoutFinding.get("file").asText()).isEqualTo(old.toString());
        assertThat(layoutFinding.get("message").asText()).contains("2019", "2021");
        assertThat(r.get("units").asInt()).isEqualTo(1);
    }
}
