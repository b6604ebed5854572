package io.xxgk.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: a second OS user's merge crashed on POI's shared /tmp/poifiles, which belonged to the first. */
class RunFilesTest {

    @Test
    void aRunsTemporaryFilesArePrivateToItAndGoneAfterIt() throws Exception {
        Path dir;
        try (RunFiles run = RunFiles.start(new PrintStream(PrintStream.nullOutputStream()))) {
            dir = RunFiles.dir();
            assertThat(dir.getFileName().toString()).startsWith("xxgk-run-" + ProcessHandle.current().pid() + "-");
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            }
            File poi = TempFile.createTempFile("poi-sxssf-sheet", ".xml");
            assertThat(poi.toPath().getParent()).isEqualTo(dir);
        }
        assertThat(dir).doesNotExist();
    }

    /**
     * Ctrl-C just after the summary is moved into place said "未写出汇总表" of a summary that was there (1 in
     * 20 at ~10 ms): what an interruption says follows the move itself, not the code that runs after it.
     */
    @Test
    void anInterruptionSaysWhetherTheOutputIsInPlace(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("汇总.xlsx");
        try (RunFiles run = RunFiles.start(new PrintStream(PrintStream.nullOutputStream()))) {
            RunFiles.onInterrupt(out, "未写出", "已写出");
            AtomicFiles.write(tmp.resolve("另一个.xlsx"), false, o -> o.write(1));
            assertThat(RunFiles.interruptMessage()).isEqualTo("未写出");
            AtomicFiles.write(out, false, o -> o.write(1));
            assertThat(RunFiles.interruptMessage()).isEqualTo("已写出");
        }
    }

    /** The run folder's name is made without SecureRandom: names must still never collide. */
    @Test
    void runFoldersAreNewEveryTime(@TempDir Path tmp) throws Exception {
        Set<Path> made = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Path p = RunFiles.createPrivateFolder(tmp);
            assertThat(made.add(p)).as("new folder %s", p).isTrue();
            assertThat(p).isDirectory();
        }
    }
}
