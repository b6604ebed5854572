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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Regression: in English the severity was glued to the rule ("warningVAL-BLANK"). */
    @Test
    void englishFindingsKeepASpaceAfterTheSeverity() throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 5));
        layout.formulas().keySet().forEach(v::remove);
        v.remove(layout.cells().stream().map(c -> c.key()).filter(k -> !layout.formulas().containsKey(k))
                .findFirst().orElseThrow());
        Path f = dir.resolve("blank-cell.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                v, f, false);
        Cli.Result r = Cli.run("check", "--lang", "en", f.toString());
        assertThat(r.out()).containsPattern("warning +VAL-BLANK");
    }

    /** Regression: picocli's own usage errors came in English in the Chinese interface. */
    @Test
    void usageErrorsAreInTheUsersLanguageAndNameTheOptionMeant() {
        Cli.Result typo = Cli.run("check", "--annotat", "x");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("不认识的参数：--annotat").contains("--annotate").doesNotContain("Unknown");
        assertThat(Cli.run("merge").err()).contains("缺少必需的参数：INPUT").doesNotContain("Missing");
        assertThat(Cli.run("check", "--format", "xml", "x").err()).contains("“xml”不是 --format 可用的值");
        assertThat(Cli.run("merge", "--lang", "en", "--formt", "json", "x").err())
                .contains("unknown argument: --formt; did you mean --format or --force?");
        // Only the subcommand named is built; a mistyped one still finds what was meant, and help lists all.
        assertThat(Cli.run("chek", "x").err()).contains("是不是要用 check");
        assertThat(Cli.run("--help").out()).contains("template").contains("check").contains("merge").contains("import")
                .contains("rules").contains("schema");
        assertThat(Cli.run("help", "merge").out()).contains("--roster");
    }

    /** Regression: a pipe named as an input blocked the run forever. */
    @Test
    void aPipeNamedAsAnInputIsRefusedNotWaitedOn() throws Exception {
        Path pipe = dir.resolve("报表.xlsx");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path good = report(layout, "乙局", "2023", false);
        Cli.Result r = Cli.run("check", pipe.toString(), good.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("不是普通文件").contains("✓ 通过  " + good);
    }

    /** Regression: merge --expect without -o ended its last line with "：-". */
    @Test
    void aMergeWithoutOutputSaysNoSummaryWasWritten() throws Exception {
        Path a = report(layout, "甲局", "2023", false);
        Cli.Result r = Cli.run("merge", a.toString(), "--expect", a.toString());
        assertThat(r.err().strip()).endsWith("（未写出汇总表：没有 -o）").doesNotEndWith("：-");
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

    @Test
    void everyEntryOfAnInputFolderGetsAnOutcome() throws Exception {
        Path in = dir.resolve("in");
        report(layout, "甲局", "2023", false);
        Files.createDirectories(in.resolve("子文件夹"));
        Files.copy(firstSeed(), in.resolve("子文件夹/乙局报告.txt"));
        Files.writeString(in.resolve("表.csv"), "a,b\n");
        Files.write(in.resolve("图.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(in.resolve("~$甲局-2021.xlsx"), "lock");
        Files.createSymbolicLink(in.resolve("断链.xlsx"), in.resolve("不存在.xlsx"));
        Files.createSymbolicLink(in.resolve("子文件夹/环"), in);
        Process fifo = new ProcessBuilder("mkfifo", in.resolve("管道.xlsx").toString()).start();
        assertThat(fifo.waitFor()).isZero();

        Cli.Result r = Cli.run("merge", "--format", "json", in.toString());
        JsonNode j = json(r);
        Map<String, String> skipped = new TreeMap<>();
        j.get("skipped").forEach(s -> skipped.put(Path.of(s.get("file").asText()).getFileName().toString(),
                s.get("reason").asText()));
        assertThat(skipped).containsExactlyInAnyOrderEntriesOf(Map.of("表.csv", "notReport", "图.png", "notReport",
                "~$甲局-2021.xlsx", "lock", "断链.xlsx", "brokenLink", "管道.xlsx", "notRegular", "环", "loop"));
        assertThat(r.err()).contains("已跳过").contains("表.csv").contains("断链.xlsx");
        List<String> read = new ArrayList<>();
        j.get("inputs").forEach(x -> read.add(Path.of(x.get("file").asText()).getFileName().toString()));
        assertThat(read).containsExactlyInAnyOrder("甲局-2021.xlsx", "乙局报告.txt");
    }

    /**
     * A folder unzipped on a Mac, or a USB drive used on Windows: the operating system's files are
     * never read as reports (a "._" companion keeps the report's name; a recycle bin holds deleted
     * copies), are said in one line, and a clean merge stays clean.
     */
    @Test
    void filesTheOperatingSystemLeavesAreIgnoredInOneLine() throws Exception {
        Path in = dir.resolve("in");
        Path a = report(layout, "甲局", "2023", false);
        byte[] appleDouble = {0, 5, 22, 7, 0, 2, 0, 0, 'M', 'a', 'c', ' ', 'O', 'S', ' ', 'X'};
        Files.write(in.resolve("._甲局-2021.xlsx"), appleDouble);
        Files.createDirectories(in.resolve("__MACOSX"));
        Files.write(in.resolve("__MACOSX/._甲局-2021.xlsx"), appleDouble);
        Files.createDirectories(in.resolve("$RECYCLE.BIN"));
        Files.copy(a, in.resolve("$RECYCLE.BIN/$R0A1B2C.xlsx"));
        Files.writeString(in.resolve(".DS_Store"), "Bud1");
        Files.writeString(in.resolve("Thumbs.db"), "x");
        Files.writeString(in.resolve("desktop.ini"), "[.ShellClassInfo]");
        Path out = dir.resolve("s.xlsx");

        Cli.Result r = Cli.run("merge", in.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("另有 6 个操作系统生成的文件或文件夹").contains("已汇总 1/1 个文件")
                .doesNotContain("已跳过").doesNotContain("无法读取").doesNotContain("M-DUP");
        Cli.Result j = Cli.run("merge", "--format", "json", in.toString());
        Map<String, String> skipped = new TreeMap<>();
        json(j).get("skipped").forEach(s -> skipped.put(Path.of(s.get("file").asText()).getFileName().toString(),
                s.get("reason").asText()));
        assertThat(skipped).containsOnlyKeys("._甲局-2021.xlsx", "__MACOSX", "$RECYCLE.BIN", ".DS_Store", "Thumbs.db",
                "desktop.ini").allSatisfy((file, reason) -> assertThat(reason).isEqualTo("system"));
        assertThat(Cli.run("--lang", "en", "check", in.toString()).err())
                .contains("system files or folders ignored: 6").doesNotContain("skipped:");
    }

    /** A published report of the seeds (their text, committed), read from a folder like a workbook. */
    private static Path firstSeed() throws Exception {
        try (var s = Files.list(Path.of("src/test/resources/seeds"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
    }
}
