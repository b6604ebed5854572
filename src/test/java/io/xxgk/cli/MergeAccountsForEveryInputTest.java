package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests: blank returns, nothing to merge, and layouts mixed in one merge. */
class MergeAccountsForEveryInputTest {

    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private Path report(Layout l, String name, String year, boolean blank) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(blank ? Map.of() : Reports.valid(l, name.hashCode()));
        l.formulas().keySet().forEach(v::remove);
        Path f = dir.resolve("in").resolve(name + "-" + l.id() + (blank ? "-blank" : "") + ".xlsx");
        new TemplateWriter(l).write(Identity.empty().with(IdentityField.NAME, name).with(IdentityField.YEAR, year),
                v, f, false);
        return f;
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        assertThat(r.out()).as(r.err()).startsWith("{");
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void aTemplateReturnedBlankIsAnErrorNeverMergedAndTheRosterSaysBlank() throws Exception {
        Path blank = report(layout, "甲局", "2023", true);
        report(layout, "乙局", "2023", false);
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "单位名称\n甲局\n乙局\n");

        Cli.Result check = Cli.run("check", "--format", "json", blank.toString());
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("VAL-EMPTY").doesNotContain("VAL-BLANK");

        Cli.Result r = Cli.run("merge", "--format", "json", "--include-invalid", "--roster", roster.toString(),
                dir.resolve("in").toString());
        JsonNode j = json(r);
        assertThat(j.get("units").asInt()).isEqualTo(1);
        for (JsonNode in : j.get("inputs")) {
            assertThat(in.get("status").asText()).isEqualTo(in.get("agency").asText().equals("甲局") ? "empty" : "merged");
        }
        for (JsonNode line : j.get("roster")) {
            assertThat(line.get("status").asText()).isEqualTo(line.get("agency").asText().equals("甲局") ? "empty" : "submitted");
        }
    }

    @Test
    void aMissingFolderWritesNoSummaryAndExits3() throws Exception {
        Path out = dir.resolve("w.xlsx");
        Cli.Result r = Cli.run("merge", dir.resolve("收到的报表").toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(out).doesNotExist();
        assertThat(r.err()).contains("未写出汇总表");
    }

    @Test
    void onlyBlankReportsWriteNoSummary() throws Exception {
        report(layout, "甲局", "2023", true);
        Path out = dir.resolve("w.xlsx");
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(out).doesNotExist();
    }

    @Test
    void a2019AndA2021WorkbookInOneMergeGiveM_LAYOUTNotACrash() throws Exception {
        report(Layouts.get("2019"), "甲局", "2023", false);
        Path b = report(layout, "乙局", "2023", false);
        Path c = report(layout, "丙局", "2023", false);
        Path out = dir.resolve("s.xlsx");
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("M-LAYOUT").contains("已汇总 2/3");
        assertThat(out).exists();
        assertThat(Cli.run("merge", "--format", "json", b.toString(), c.toString()).code()).isZero();
    }
}
