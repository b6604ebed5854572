package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during a merge (issue 25), through the launcher after the jar is built: exit 3 and
 * "磁盘空间不足" naming the temporary folder, nothing left behind. It was exit 70, "程序内部错误 …
 * Failed to save: content types part". Needs a machine that lets the tests mount a small tmpfs (root).
 */
class DiskFullIT {

    @TempDir
    Path dir;

    /** Through the launcher, with the temporary folder on a 20 KB file system (where this machine lets us mount one). */
    @Test
    void aMergeWithAFullTemporaryFolderSaysSoAndLeavesNothing() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run(List.of("mount", "-t", "tmpfs", "-o", "size=20k", "tmpfs", small.toString())) == 0,
                "cannot mount a small file system here");
        try {
            Path out = dir.resolve("汇总.xlsx");
            ProcessBuilder pb = new ProcessBuilder("./xxgk", "merge", "examples/2023", "-o", out.toString())
                    .redirectErrorStream(true);
            pb.environment().put("XXGK_JAVA_OPTS", "-Djava.io.tmpdir=" + small);
            Process p = pb.start();
            String said = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(said).isEqualTo(3);
            assertThat(said).contains("磁盘空间不足").contains(small.toString()).doesNotContain("程序内部错误");
            assertThat(out).doesNotExist();
            try (Stream<Path> left = Files.list(small)) {
                assertThat(left.toList()).isEmpty();
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(f -> f.getFileName().toString()).toList()).containsExactly("small");
            }
        } finally {
            run(List.of("umount", small.toString()));
        }
    }

    private static int run(List<String> command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
