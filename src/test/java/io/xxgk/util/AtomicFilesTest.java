package io.xxgk.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writtenFilesGetTheUsualPermissionsNotATemporaryFilesPrivateOnes() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("汇总.xlsx");
        AtomicFiles.write(written, false, out -> out.write(1));
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void anExistingFileIsKeptWithoutReplaceAndNothingIsLeftBehindOnAFailure() throws Exception {
        Path target = dir.resolve("a.xlsx");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, false, out -> out.write(1)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> AtomicFiles.write(target, true, out -> {
            out.write(2);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("a.xlsx");
        }
    }

    /** Regression: of two runs writing one output without --force, one silently replaced the other. */
    @Test
    void aFileThatAppearsWhileWritingIsNeverReplacedWithoutReplace() throws Exception {
        Path target = dir.resolve("汇总.xlsx");
        assertThatThrownBy(() -> AtomicFiles.write(target, false, out -> {
            Files.writeString(target, "the other run's");
            out.write(1);
        })).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("the other run's");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("汇总.xlsx");
        }
    }
}
