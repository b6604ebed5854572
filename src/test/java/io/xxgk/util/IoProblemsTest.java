package io.xxgk.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** File-system failures in plain words (the default language is Chinese), the detail kept after them. */
class IoProblemsTest {

    @Test
    void readingNamesMissingFilesFoldersAndPermissionsAndNothingElse() {
        assertThat(IoProblems.whyNotRead(new NoSuchFileException("/a.xlsx"))).isEqualTo("文件不存在 (/a.xlsx)");
        assertThat(IoProblems.whyNotRead(new IOException("wrapped", new FileNotFoundException("/a.xlsx"))))
                .startsWith("文件不存在");
        assertThat(IoProblems.whyNotRead(new AccessDeniedException("/a.xlsx"))).startsWith("没有权限");
        assertThat(IoProblems.whyNotRead(new FileNotFoundException("/a.xlsx (Is a directory)"))).startsWith("这是一个文件夹");
        assertThat(IoProblems.reading(new IOException("Truncated ZIP file"))).isNull();
        assertThat(IoProblems.whyNotRead(new IOException("Truncated ZIP file"))).isEqualTo("Truncated ZIP file");
    }

    @Test
    void writingSaysWhyWhereItIsKnown() {
        assertThat(IoProblems.writing(new AccessDeniedException("/x/.t.tmp"))).isEqualTo("没有权限 (/x/.t.tmp)");
        assertThat(IoProblems.writing(new NoSuchFileException("/proc/.t.tmp"))).startsWith("无法在所在文件夹中新建文件");
        assertThat(IoProblems.writing(new FileSystemException("/.t.tmp -> /tmp: Is a directory"))).startsWith("这是一个文件夹");
        assertThat(IoProblems.writing(new IOException("No space left on device"))).startsWith("磁盘空间不足");
        assertThat(IoProblems.writing(new IOException("something else"))).isEqualTo("something else");
    }
}
