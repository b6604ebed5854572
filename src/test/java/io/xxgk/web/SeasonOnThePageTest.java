package io.xxgk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.ReturnList;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Multipart;
import io.xxgk.testing.Season;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The season's second round ({@link Season}) merged through the page's endpoint with the roster and last
 * year's reports gives the command line's answer: statuses, roster lines, findings (with their agencies),
 * cross-year lines, totals; the copies to send back come as one zip; and the page's 改用此文件 (a
 * {@code pick} field) counts the file the coordinator chose, as {@code --pick} does.
 */
class SeasonOnThePageTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Served page = new Served();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode merge(Season s, String... picks) throws Exception {
        Multipart body = new Multipart().folder("files", s.back())
                .files("roster", List.of(s.roster()), List.of(s.roster().getFileName().toString()))
                .folder("previous", s.lastYear());
        for (String p : picks) {
            body.field("pick", p);
        }
        HttpResponse<String> r = page.post("/api/merge", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void theSecondRoundMergedOnThePageIsTheCommandLinesMerge() throws Exception {
        Season s = Season.play(dir);
        Path cliSummary = dir.resolve("汇总.xlsx");
        Cli.Result cli = Cli.run("merge", s.back().toString(), "--roster", s.roster().toString(), "--previous",
                s.lastYear().toString(), "-o", cliSummary.toString(), "--format", "json");
        JsonNode fromCli = json.readTree(cli.out().replace(dir + "/", ""));
        JsonNode body = merge(s);
        JsonNode fromPage = body.get("result");

        assertThat(SeasonStatuses.of(fromPage)).isEqualTo(SeasonStatuses.of(fromCli))
                .containsEntry("第二轮/甲局(修改).xlsx", "merged").containsEntry("第二轮/丙局-问题标注.xlsx", "returned_unchanged");
        for (String field : List.of("findings", "input_findings", "values", "cross_year", "units", "year")) {
            assertThat(fromPage.get(field)).as(field).isEqualTo(fromCli.get(field));
        }
        Map<String, String> roster = new TreeMap<>();
        fromPage.get("roster").forEach(l -> roster.put(l.get("agency").asText(), l.get("label").asText()));
        assertThat(roster).containsEntry("丁局", "未报送").containsEntry("甲局", "已报送").containsEntry("戊局", "已报送");
        assertThat(fromPage.get("findings").findValuesAsText("agency")).contains("戊局", "甲局", "丁局");

        // The summary's numbers are the command line's; the copies to send back: 丙局's and the list.
        Path pageSummary = dir.resolve("page.xlsx");
        Files.write(pageSummary, page.download(body.get("summary").asText()));
        CheckRunner runner = new CheckRunner(Season.LAYOUT, null, null);
        assertThat(runner.run(pageSummary).values()).isEqualTo(runner.run(cliSummary).values());
        List<String> zipped = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(page.download(body.get("returns").asText())))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                zipped.add(e.getName());
            }
        }
        assertThat(zipped).contains(ReturnList.FILE).anyMatch(n -> n.startsWith("丙局")).noneMatch(n -> n.startsWith("乙局"));

        // 改用此文件: the first file counts, as --pick makes it on the command line; the page says how.
        JsonNode picked = merge(s, "第二轮/甲局.xlsx").get("result");
        JsonNode pickedCli = json.readTree(Cli.run("merge", s.back().toString(), "--roster", s.roster().toString(),
                "--previous", s.lastYear().toString(), "--pick", s.jia().toString(), "--format", "json").out()
                .replace(dir + "/", ""));
        assertThat(SeasonStatuses.of(picked)).isEqualTo(SeasonStatuses.of(pickedCli))
                .containsEntry("第二轮/甲局.xlsx", "merged").containsEntry("第二轮/甲局(修改).xlsx", "duplicate");
        assertThat(picked.get("values")).isEqualTo(pickedCli.get("values"));
        String newer = picked.get("findings").findParents("rule").stream().filter(f -> f.get("rule").asText().equals("M-NEWER"))
                .findFirst().orElseThrow().get("message").asText();
        assertThat(newer).contains("改用此文件").doesNotContain("--pick");
    }

    /** Each input's status by the name it is shown by. */
    private static final class SeasonStatuses {
        static Map<String, String> of(JsonNode merge) {
            Map<String, String> out = new TreeMap<>();
            merge.get("inputs").forEach(i -> out.put(i.get("file").asText(), i.get("status").asText()));
            return out;
        }
    }
}
