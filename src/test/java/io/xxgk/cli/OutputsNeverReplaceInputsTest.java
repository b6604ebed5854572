package io.xxgk.cli;

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
import io.xxgk.testing.Reports;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests: an output never replaces an input, --force replaces only a file xxgk wrote as
 * the same kind, and annotated copies inside an input folder are never merged.
 */
class OutputsNeverReplaceInputsTest {

    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private Path report(String name, Map<String, BigDecimal> change) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, name.hashCode()));
        layout.formulas().keySet().forEach(v::remove);
        v.putAll(change);
        Path f = dir.resolve("in").resolve(name + ".xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, name).with(IdentityField.YEAR, "2023"),
                v, f, true);
        return f;
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void anInputNamedAsTheOutputIsNeverReplacedEvenWithForce() throws Exception {
        Path a = report("甲局", Map.of());
        Path b = report("乙局", Map.of());
        String before = sha(b);
        Cli.Result r = Cli.run("merge", a.toString(), b.toString(), "-o", b.toString(), "--force");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("输入文件");
        assertThat(sha(b)).isEqualTo(before);
    }

    @Test
    void anAgencyReportInTheInputFolderIsNeverReplacedBySummaryEvenWithForce() throws Exception {
        report("甲局", Map.of());
        Path b = report("乙局", Map.of());
        String before = sha(b);
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", b.toString(), "--force");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("xxgk-output=summary");
        assertThat(sha(b)).isEqualTo(before);
    }

    /** Regression: without --force it said "add --force", which was then refused too. */
    @Test
    void whatForceCannotReplaceIsSaidWithoutSuggestingForce() throws Exception {
        report("甲局", Map.of());
        Path b = report("乙局", Map.of());
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", b.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("xxgk-output=summary", "--force 也不会覆盖").doesNotContain("加 --force 覆盖");
    }

    @Test
    void aSummaryOfOursIsReplacedWithForceAndNotReadAsAnInput() throws Exception {
        report("甲局", Map.of());
        report("乙局", Map.of());
        Path out = dir.resolve("in").resolve("汇总.xlsx");
        assertThat(Cli.run("merge", dir.resolve("in").toString(), "-o", out.toString()).code()).isZero();
        assertThat(OutputMark.of(out)).isEqualTo(OutputMark.Kind.SUMMARY);
        Cli.Result again = Cli.run("merge", dir.resolve("in").toString(), "-o", out.toString(), "--force");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("已汇总 2/2");
    }

    @Test
    void aTemplateNeverReplacesLastYearsReportOrAFilledOne() throws Exception {
        Path last = report("甲局", Map.of());
        String before = sha(last);
        Cli.Result r = Cli.run("template", "-o", last.toString(), "--previous", last.toString(), "--force");
        assertThat(r.code()).isEqualTo(2);
        assertThat(sha(last)).isEqualTo(before);
        // Our template, filled in by the agency: still marked as a template, but holding numbers.
        assertThat(OutputMark.of(last)).isEqualTo(OutputMark.Kind.TEMPLATE);
        Cli.Result filled = Cli.run("template", "-o", last.toString(), "--agency", "乙局", "--year", "2024", "--force");
        assertThat(filled.code()).isEqualTo(2);
        assertThat(sha(last)).isEqualTo(before);
        // A blank template of ours, made with --previous (carried-in numbers only), is replaced.
        Path blank = dir.resolve("new.xlsx");
        assertThat(Cli.run("template", "-o", blank.toString(), "--previous", last.toString()).code()).isZero();
        assertThat(Cli.run("template", "-o", blank.toString(), "--previous", last.toString(), "--force").code()).isZero();
    }

    @Test
    void anAnnotatedCopyInTheInputFolderNeverStandsInForTheCorrectedReport() throws Exception {
        // 退 sorts before 龙: the stale copy comes first.
        Path report = report("龙岩市甲局", Map.of("appeals.review.upheld", new BigDecimal("-1")));
        report("乙局", Map.of());
        Path copies = dir.resolve("in").resolve("退回");
        assertThat(Cli.run("check", "--annotate", copies.toString(), report.toString()).code()).isEqualTo(1);
        assertThat(Files.list(copies)).hasSize(1);
        report("龙岩市甲局", Map.of()); // corrected and sent again
        Cli.Result r = Cli.run("merge", "--format", "json", dir.resolve("in").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("findings").toString()).doesNotContain("M-DUP");
        assertThat(j.get("units").asInt()).isEqualTo(2);
        // The copy is the agency's older submission (it came back as it was sent): the corrected report,
        // newer, counts; the copy is named with the cell that differs.
        for (JsonNode in : j.get("inputs")) {
            boolean copy = in.get("file").asText().contains("退回");
            assertThat(in.get("status").asText()).as(in.get("file").asText()).isEqualTo(copy ? "duplicate" : "merged");
        }
        assertThat(j.get("findings").findValuesAsText("rule")).containsExactly("M-NEWER");
        assertThat(j.get("findings").get(0).get("file").asText()).contains("退回");
    }
}
