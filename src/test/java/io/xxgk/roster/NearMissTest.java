package io.xxgk.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A submission not on the roster is named, with the roster line its name probably means. */
class NearMissTest {

    @TempDir
    Path dir;

    @Test
    void aShorterOrSlightlyDifferentNameSuggestsItsRosterLine() {
        List<String> roster = List.of("福州市长乐区教育局", "福州市长乐区财政局", "上杭县人民政府办公室");
        assertThat(NearMiss.best("长乐区教育局", roster)).contains("福州市长乐区教育局");
        assertThat(NearMiss.best("上杭县人民政府办", roster)).contains("上杭县人民政府办公室");
        assertThat(NearMiss.best("福州市长乐区教育 局", roster)).contains("福州市长乐区教育局");
        // Nothing alike, or two alike: no suggestion.
        assertThat(NearMiss.best("泉州市鲤城区人民政府", roster)).isEmpty();
        assertThat(NearMiss.best("长乐区", List.of("福州市长乐区教育局", "福州市长乐区财政局"))).isEmpty();
    }

    @Test
    void theMergeNamesTheOffRosterSubmissionAndTheLineItProbablyMeans() throws Exception {
        Path in = dir.resolve("收到");
        Files.createDirectories(in);
        for (String f : List.of("上杭县人民政府办公室.xlsx", "福州市长乐区人民政府办公室.xlsx")) {
            Files.copy(Path.of("examples/2023").resolve(f), in.resolve(f));
        }
        // A report whose title names the agency shorter than the roster does.
        Files.writeString(in.resolve("教育局.txt"), Files.readString(Path.of("src/test/resources/seeds/003.txt"))
                .replace("鲤城区", "长乐区教育局"));
        Cli.Result r = Cli.run("merge", in.toString(), "--roster", "examples/roster.csv", "-o", dir.resolve("汇总.xlsx").toString());
        assertThat(r.err()).contains("不在名单中：" + in.resolve("教育局.txt") + "（长乐区教育局），可能就是名单第 6 行“福州市长乐区教育局”");
    }
}
