package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.util.IoProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (issue 25) is told from an internal error: POI's "Failed to save" drops its cause, so a
 * failed save is a full disk when the temporary folder is nearly full. The launcher's run on a small
 * file system is {@code DiskFullIT}.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aFullFileSystemIsSaidInPlainWords() {
        assertThat(IoProblems.noSpace(new RuntimeException(new IOException("No space left on device")))).isTrue();
        assertThat(IoProblems.noSpace(new RuntimeException("Failed to save: content types part"))).isFalse();
        assertThat(IoProblems.savingWithoutSpace(new RuntimeException("Failed to save: content types part"), dir))
                .as("a failed save with room to spare is no full disk").isEqualTo(usable(dir) < 64L << 20);
    }

    private static long usable(Path p) {
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
