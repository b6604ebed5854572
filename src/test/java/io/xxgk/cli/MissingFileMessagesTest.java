package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing --previous folder or roster is said in the user's language only, not in both. */
class MissingFileMessagesTest {

    @Test
    void aMissingPreviousOrRosterIsSaidInOneLanguage() {
        Cli.Result zh = Cli.run("check", "examples/2023/上杭县人民政府办公室.xlsx", "--previous", "没有这个文件夹");
        assertThat(zh.code()).isEqualTo(3);
        assertThat(zh.err()).contains("文件不存在").doesNotContain("no such file");
        Cli.Result en = Cli.run("check", "examples/2023/上杭县人民政府办公室.xlsx", "--previous", "nope", "--lang", "en");
        assertThat(en.err()).contains("does not exist").doesNotContainPattern("[\\u4e00-\\u9fff]");
        Cli.Result roster = Cli.run("merge", "examples/2023", "--roster", "nope.csv", "--format", "json");
        assertThat(roster.err()).contains("文件不存在").doesNotContain("no such file");
    }

    @Test
    void annotatingIntoTheFolderBeingCheckedIsExplained(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("examples/2023/福州市长乐区财政局.xlsx"), dir.resolve("财政局.xlsx"));
        Cli.Result r = Cli.run("check", dir.toString(), "--annotate", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--annotate 的文件夹不能就是要检查的文件夹");
        assertThat(Files.list(dir).count()).isEqualTo(1);
    }
}
