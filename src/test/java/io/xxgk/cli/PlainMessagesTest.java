package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.i18n.Messages;
import io.xxgk.testing.Cli;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25's messages: what a newcomer read that was wrong or not in their language. */
class PlainMessagesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderGivenAsTheRosterIsSaidToBeAFolder() {
        Cli.Result r = Cli.run("merge", "examples/2023", "--roster", "examples", "-o", dir.resolve("x.xlsx").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("这是一个文件夹，不是文件").doesNotContain("文件不存在");
    }

    @Test
    void aRosterCheckedAsAReportSaysWhatIsReadInChinese() {
        Cli.Result r = Cli.run("check", "examples/roster.csv");
        assertThat(r.code()).isEqualTo(3);
        // Said what it is not (a .csv is read when it holds the tables or a dataset of reports), in Chinese.
        assertThat(r.out()).contains("这个 CSV 不是另存为 CSV 的统计表，也不是报告数据集").doesNotContain("Can't open")
                .doesNotContain("UNKNOWN");
    }

    @Test
    void englishCountsAgreeWithTheirNumbers() {
        Cli.Result one = Cli.run("--lang", "en", "merge", "examples/2023/上杭县人民政府办公室.xlsx", "-o", dir.resolve("1.xlsx").toString());
        assertThat(one.err() + one.out()).contains("merged 1 of 1 file, 1 unit,").doesNotContain("1 files").doesNotContain("1 units");
        Cli.Result many = Cli.run("--lang", "en", "merge", "examples/2023", "--roster", "examples/roster.csv",
                "-o", dir.resolve("5.xlsx").toString());
        assertThat(many.err() + many.out()).contains("merged 4 of 5 files, 4 units,").contains("roster: 6 agencies")
                .contains("0 submissions not on the roster");
        // Numbers in messages are never grouped or rounded, plural or not.
        assertThat(Messages.in(Locale.ENGLISH, false, () -> Messages.get("merge.done", 10000, 12345, 10000, "2023", "x.xlsx")))
                .isEqualTo("merged 10000 of 12345 files, 10000 units, year 2023: x.xlsx");
    }
}
