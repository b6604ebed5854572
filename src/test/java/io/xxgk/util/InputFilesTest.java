package io.xxgk.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void anOutputFileOrFolderIsLeftOutHoweverItIsReached() throws Exception {
        Path in = Files.createDirectories(dir.resolve("报表"));
        Path a = Files.writeString(in.resolve("甲.xlsx"), "x");
        Path summary = Files.writeString(in.resolve("汇总.xlsx"), "x");
        Path copies = Files.createDirectories(in.resolve("退回"));
        Path copy = Files.writeString(copies.resolve("甲-问题标注.xlsx"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("链接"), in);
        List<Path> files = List.of(a, summary, copy, link.resolve("汇总.xlsx"), link.resolve("甲.xlsx"));

        assertThat(InputFiles.outside(files, summary)).containsExactly(a, copy, link.resolve("甲.xlsx"));
        assertThat(InputFiles.outside(files, copies)).containsExactly(a, summary, link.resolve("汇总.xlsx"),
                link.resolve("甲.xlsx"));
        assertThat(InputFiles.outside(files, dir.resolve("不存在.xlsx"))).isEqualTo(files);
    }
}
