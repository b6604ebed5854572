package io.xxgk.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.MergeJson;
import io.xxgk.testing.Reports;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency that sent two different files: which counts is decided by a stated rule, never by the
 * order of the files' names (it was: 第一批/某局.xlsx before 邮件附件/某局(修改版).xlsx, whatever they held).
 */
class NewerSubmissionTest {

    @TempDir
    Path dir;

    private final Layout layout = Layouts.get("2021");
    private final ObjectMapper json = new ObjectMapper();

    /** A report of 甲局 for 2023 whose 行政许可 (a cell of table 二, in no sum) is {@code license}. */
    private Path report(String name, long license, Instant fileTime) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 7L));
        layout.formulas().keySet().forEach(v::remove);
        v.put("active.license", BigDecimal.valueOf(license));
        Path f = dir.resolve("in").resolve(name);
        Files.createDirectories(f.getParent());
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                v, f, false);
        Files.setLastModifiedTime(f, FileTime.from(fileTime));
        return f;
    }

    private JsonNode merge(String... more) throws Exception {
        String[] args = new String[3 + more.length];
        args[0] = "merge";
        args[1] = "--format";
        args[2] = "json";
        System.arraycopy(more, 0, args, 3, more.length);
        Cli.Result r = Cli.run(args);
        return json.readTree(r.out());
    }

    @Test
    void theNewerCountsWhateverTheNamesAndTheOtherSaysWhichCellsDiffer() throws Exception {
        Instant t = Instant.parse("2024-01-10T08:00:00Z");
        // The newer file's name sorts first, then the other way round.
        for (boolean newerFirst : new boolean[] {true, false}) {
            Path a = report("第一批/甲局.xlsx", 100, newerFirst ? t.plusSeconds(3600) : t);
            Path b = report("邮件附件/甲局(修改版).xlsx", 105, newerFirst ? t : t.plusSeconds(3600));
            Path newer = newerFirst ? a : b;
            Path older = newerFirst ? b : a;
            JsonNode r = merge(dir.resolve("in").toString());
            assertThat(MergeJson.status(r, newer)).isEqualTo("merged");
            assertThat(MergeJson.status(r, older)).isEqualTo("duplicate");
            assertThat(r.get("values").get("active.license").asInt()).isEqualTo(newerFirst ? 100 : 105);
            JsonNode f = r.get("findings").get(0);
            assertThat(f.get("rule").asText()).isEqualTo("M-NEWER");
            assertThat(f.get("file").asText()).isEqualTo(older.toString());
            assertThat(f.get("message").asText()).contains(newer.toString()).contains("1 个单元格不同")
                    .contains("本份 → 计入的一份").contains(newerFirst ? " 105 → 100" : " 100 → 105");
            Files.delete(a);
            Files.delete(b);
        }
    }

    @Test
    void theTimeTheWorkbookSaysItWasSavedComesBeforeTheFilesOwnTime() throws Exception {
        Instant t = Instant.parse("2024-01-10T08:00:00Z");
        Path saidNewer = report("a.xlsx", 100, t);
        Path copiedLater = report("b.xlsx", 105, t.plusSeconds(86_400)); // a copy made later, saved earlier
        saved(saidNewer, t.plusSeconds(7200));
        saved(copiedLater, t.plusSeconds(3600));
        JsonNode r = merge(dir.resolve("in").toString());
        assertThat(MergeJson.status(r, saidNewer)).isEqualTo("merged");
        assertThat(MergeJson.status(r, copiedLater)).isEqualTo("duplicate");
        assertThat(r.get("findings").get(0).get("message").asText()).contains("保存于");
    }

    @Test
    void thePickedFileCountsAndTwoThatCannotBeToldApartStayAnError() throws Exception {
        Instant t = Instant.parse("2024-01-10T08:00:00Z");
        Path a = report("a.xlsx", 100, t);
        Path b = report("b.xlsx", 105, t);
        JsonNode same = merge(dir.resolve("in").toString());
        assertThat(same.get("findings").findValuesAsText("rule")).containsExactly("M-DUP");
        JsonNode picked = merge(dir.resolve("in").toString(), "--pick", b.toString());
        assertThat(MergeJson.status(picked, b)).isEqualTo("merged");
        assertThat(MergeJson.status(picked, a)).isEqualTo("duplicate");
        assertThat(picked.get("findings").get(0).get("message").asText()).contains("按 --pick 或名单的“采用文件”指定");
        Cli.Result wrong = Cli.run("merge", "--format", "json", dir.resolve("in").toString(), "--pick", "别的.xlsx");
        assertThat(wrong.err()).contains("--pick 给出的 别的.xlsx 不是这次汇总的输入");
    }

    @Test
    void anIdenticalCopyCountsOnceAsInformationAndTheRosterSaysSubmitted() throws Exception {
        Path a = report("a.xlsx", 100, Instant.parse("2024-01-10T08:00:00Z"));
        Path copy = Files.copy(a, dir.resolve("in/a - 副本.xlsx"));
        Path roster = Files.writeString(dir.resolve("名单.csv"), "单位名称\n甲局\n");
        Cli.Result r = Cli.run("merge", "--format", "json", dir.resolve("in").toString(), "--roster", roster.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = json.readTree(r.out());
        assertThat(j.get("findings").findValuesAsText("rule")).containsExactly("M-SAME");
        assertThat(j.get("findings").get(0).get("severity").asText()).isEqualTo("info");
        // One of the two counts (which does not matter: they are the same), the other is said as information.
        assertThat(MergeJson.status(j, copy).equals("duplicate") ^ MergeJson.status(j, a).equals("duplicate")).isTrue();
        assertThat(j.get("values").get("active.license").asInt()).isEqualTo(100);
        assertThat(j.get("roster").get(0).get("status").asText()).isEqualTo("submitted");
    }

    /** Sets the time the workbook says it was last saved (docProps/core.xml), as Excel and WPS write it. */
    private static void saved(Path f, Instant when) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(f)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream out = Files.newOutputStream(f)) {
            wb.getProperties().getCoreProperties().setModified(Optional.of(Date.from(when)));
            wb.write(out);
        }
        Files.setLastModifiedTime(f, FileTime.from(when.plusSeconds(999_999)));
    }
}
