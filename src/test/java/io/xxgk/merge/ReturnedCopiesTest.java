package io.xxgk.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.LibreOffice;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import io.xxgk.testing.Workbooks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotated copy is the file sent back to the agency, and clerks fix it and send it back: it is
 * a submission. It was refused ("问题标注副本，不作为报送") and the agency was listed as 未报送, although
 * `check` passed the fixed copy.
 */
class ReturnedCopiesTest {

    @TempDir
    Path dir;

    private final Layout layout = Layouts.get("2021");
    private final ObjectMapper json = new ObjectMapper();

    private int round;

    /** 甲局's report with one wrong number, checked with --annotate; the annotated copy it gets. */
    private Path annotatedCopy() throws Exception {
        round++;
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 11L));
        layout.formulas().keySet().forEach(v::remove);
        v.put("appeals.review.upheld", new BigDecimal("-1"));
        Path report = dir.resolve("收件" + round + "/甲局.xlsx");
        Files.createDirectories(report.getParent());
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                v, report, false);
        Path copies = dir.resolve("退回" + round);
        assertThat(Cli.run("check", report.toString(), "--annotate", copies.toString()).code()).isEqualTo(1);
        Path copy;
        try (Stream<Path> s = Files.list(copies)) {
            copy = s.findFirst().orElseThrow();
        }
        assertThat(OutputMark.of(copy)).isEqualTo(OutputMark.Kind.ANNOTATED);
        assertThat(OutputMark.value(copy, OutputMark.ANNOTATED_VALUES)).hasSize(32);
        return copy;
    }

    /** The copy as the agency sends it back: in the coordinator's folder of returns. */
    private Path sentBack(Path copy) throws Exception {
        Path back = dir.resolve("第二轮").resolve(copy.getFileName());
        Files.createDirectories(back.getParent());
        return Files.copy(copy, back);
    }

    private JsonNode merge(Path folder) throws Exception {
        Path roster = Files.writeString(dir.resolve("名单.csv"), "单位名称\n甲局\n");
        Cli.Result r = Cli.run("merge", "--format", "json", folder.toString(), "--roster", roster.toString());
        return json.readTree(r.out());
    }

    @Test
    void aCopySentBackUnchangedIsSaidSoAndTheRosterDoesNotCallTheAgencyMissing() throws Exception {
        Path back = sentBack(annotatedCopy());
        JsonNode r = merge(back.getParent());
        assertThat(r.get("inputs").get(0).get("status").asText()).isEqualTo("returned_unchanged");
        assertThat(r.get("roster").get(0).get("status").asText()).isEqualTo("returned_unchanged");
        // Its problems are still listed.
        assertThat(r.get("input_findings").findValuesAsText("rule")).contains("VAL-NUM");
        Cli.Result text = Cli.run("merge", back.getParent().toString(), "-o", dir.resolve("s.xlsx").toString());
        assertThat(text.err()).contains("退回后未改正，未汇总").contains("没有一份报表可以汇总");
    }

    @Test
    void aCopyFixedByPoiIsTheAgencysSubmission() throws Exception {
        Path back = sentBack(annotatedCopy());
        fix(back);
        assertThat(Cli.run("check", back.toString()).code()).isZero();
        JsonNode r = merge(back.getParent());
        assertThat(r.get("inputs").get(0).get("status").asText()).isEqualTo("merged");
        assertThat(r.get("roster").get(0).get("status").asText()).isEqualTo("submitted");
        assertThat(r.get("values").get("appeals.review.upheld").asInt()).isEqualTo(3);
    }

    @Test
    void aCopyFixedAndSavedAgainByLibreOfficeIsTheAgencysSubmissionToo() throws Exception {
        Path copy = annotatedCopy();
        fix(copy);
        Path resaved = LibreOffice.convert(copy, "xlsx", dir.resolve("第二轮"));
        JsonNode r = merge(resaved.getParent());
        assertThat(r.get("inputs").get(0).get("status").asText()).isEqualTo("merged");
        assertThat(r.get("roster").get(0).get("status").asText()).isEqualTo("submitted");
        // And sent back unchanged through LibreOffice, which keeps the copy's properties: still told unchanged.
        Path unchanged = LibreOffice.convert(annotatedCopy(), "xlsx", dir.resolve("第三轮"));
        assertThat(OutputMark.of(unchanged)).isEqualTo(OutputMark.Kind.ANNOTATED);
        JsonNode u = merge(unchanged.getParent());
        assertThat(u.get("inputs").get(0).get("status").asText()).isEqualTo("returned_unchanged");
        assertThat(u.get("roster").get(0).get("status").asText()).isEqualTo("returned_unchanged");
    }

    /**
     * A copy fixed and saved by openpyxl (made by src/test/resources/returns/make.sh, committed): it
     * drops the copy's properties and the formulas' results. The fixed copy counts all the same.
     */
    @Test
    void aCopyFixedByOpenpyxlIsTheAgencysSubmissionToo() throws Exception {
        Path fixed = Path.of("src/test/resources/returns/福州市长乐区财政局-问题标注-openpyxl改正.xlsx");
        assertThat(OutputMark.of(fixed)).as("openpyxl dropped the mark").isNull();
        Path back = Files.createDirectories(dir.resolve("第二轮"));
        Files.copy(fixed, back.resolve(fixed.getFileName()));
        Path roster = Files.writeString(dir.resolve("名单.csv"), "单位名称\n福州市长乐区财政局\n");
        Cli.Result r = Cli.run("merge", "--format", "json", back.toString(), "--roster", roster.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = json.readTree(r.out());
        assertThat(j.get("inputs").get(0).get("status").asText()).isEqualTo("merged");
        assertThat(j.get("roster").get(0).get("status").asText()).isEqualTo("submitted");
        assertThat(j.get("values").get("requests.carried_out.natural").asInt()).isZero();
    }

    /** The clerk types the right number into the cell the copy marked. */
    private static void fix(Path copy) throws Exception {
        Workbooks.edited(copy, wb -> Sheets.named(wb, "appeals.review.upheld").setCellValue(3));
    }
}
