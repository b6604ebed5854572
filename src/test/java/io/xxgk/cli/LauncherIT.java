package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bash launcher as a user would, after the jar is built: with LANG unset (as in CI) it must
 * still write a file with a Chinese name into a Chinese folder, and exit codes must pass through.
 */
class LauncherIT {

    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run launch(String... args) throws Exception {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = Path.of("xxgk").toAbsolutePath().toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("LANG");
        env.remove("LC_ALL");
        env.remove("LC_CTYPE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void writesAChineseFileNameWithLangUnset() throws Exception {
        Path target = dir.resolve("报送").resolve("长乐区工信局.xlsx");
        Run r = launch("template", "-o", target.toString(), "--agency", "福州市长乐区工业和信息化局");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("已生成模板");
        assertThat(Files.size(target)).isPositive();
    }

    @Test
    void passesExitCodesThrough() throws Exception {
        assertThat(launch("template").code()).isEqualTo(2);
        assertThat(launch("--version").out()).contains("xxgk 0.");
    }

    /**
     * Progress goes to stderr when it is a terminal (here a pseudo-terminal made by script(1)) and
     * stdout is not: with stdout redirected, or with the results on the terminal, it behaves.
     */
    @Test
    void showsProgressOnlyWhenStderrIsATerminal() throws Exception {
        // script(1) makes the pseudo-terminal (util-linux, on every Debian machine; required in CI).
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")));
        }
        Path inputs = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 25; i++) {
            Files.copy(Path.of("examples/2023/泉州市鲤城区人民政府.xlsx"), inputs.resolve("r" + i + ".xlsx"));
        }
        String launcher = Path.of("xxgk").toAbsolutePath().toString();
        String command = "bash '" + launcher + "' check '" + inputs + "' --format json > '" + dir.resolve("out.json") + "'";
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        String terminal = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(terminal).contains("25/25");
        assertThat(Files.readString(dir.resolve("out.json"))).startsWith("[").doesNotContain("25/25");

        Run piped = launch("check", inputs.toString());
        assertThat(piped.out()).doesNotContain("/25");

        // Results printed on the terminal show the progress themselves: no progress line among them.
        Process both = new ProcessBuilder("/usr/bin/script", "-qec", "bash '" + launcher + "' check '" + inputs + "'",
                "/dev/null").redirectErrorStream(true).start();
        String shown = new String(both.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(both.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(shown).contains("r24.xlsx").doesNotContain("/25");
    }

    /**
     * Stopped during a merge (SIGTERM, as Ctrl-C or a closed window stops it), the run says the summary
     * was not written and leaves no temporary file: neither in its private temporary folder nor
     * beside the output. What a killed run (kill -9) left is cleared by the next run.
     */
    /**
     * Issue 25 through the launcher: three PDFs of ruling lines beside a good workbook (the good one was
     * reported "读取超过 300 秒" and no summary written, after 1,221 s): each PDF refused with its reason,
     * the workbook merged, and the summary holds no formula that came from an input.
     */
    @Test
    void aGoodWorkbookBesideGridPdfsIsMerged() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path h = Path.of("src/test/resources/hostile/R05_grid_pdf_slow_and_pool_starvation");
        for (String f : List.of("H02_grid1000.pdf", "H03_grid2000.pdf", "H04_grid2000x3.pdf")) {
            Files.copy(h.resolve(f), in.resolve(f));
        }
        Files.copy(Path.of("src/test/resources/hostile/R11_annotated_copy_keeps_formulas/S29_0084_formula_text.xlsx"),
                in.resolve("good.xlsx"));
        Path out = dir.resolve("汇总.xlsx");
        Run merge = launch("merge", in.toString(), "-o", out.toString(), "--include-invalid");
        assertThat(merge.code()).as(merge.out()).isEqualTo(3);
        assertThat(merge.out()).contains("已汇总 1/4 个文件").contains("没有文字层").doesNotContain("秒仍未完成");
        try (ZipFile zip = new ZipFile(out.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(xml).as(e.getName()).doesNotContain("HYPERLINK").doesNotContain("|");
                }
            }
        }
    }

    @Test
    void aStoppedMergeSaysSoAndLeavesNothingBehind() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path stale = Files.createDirectories(tmp.resolve("xxgk-run-999999999-killed"));
        Files.writeString(stale.resolve("xxgk-details-1.deflate"), "left by kill -9");
        Path in = Files.createDirectories(dir.resolve("in"));
        Path one = Path.of("examples/2023/上杭县人民政府办公室.xlsx");
        for (int i = 0; i < 3000; i++) {
            Files.copy(one, in.resolve(i + ".xlsx"));
        }
        Path out = dir.resolve("out").resolve("汇总.xlsx");
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("xxgk").toAbsolutePath().toString(), "merge",
                in.toString(), "-o", out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("said.txt").toFile());
        pb.environment().put("XXGK_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean running = false;
        while (!running && System.nanoTime() < deadline && p.isAlive()) {
            // Reading has begun once the merge's findings spool is in the run's folder.
            try (var s = Files.list(tmp)) {
                for (Path run : s.filter(f -> f.getFileName().toString().startsWith("xxgk-run-" + p.pid())).toList()) {
                    try (var inside = Files.list(run)) {
                        running |= inside.anyMatch(f -> f.getFileName().toString().startsWith("xxgk-findings-"));
                    } catch (IOException e) {
                        // the folder went meanwhile
                    }
                }
            }
            Thread.sleep(20);
        }
        assertThat(running).as("the run started").isTrue();
        assertThat(stale).as("a killed run's folder is cleared").doesNotExist();
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(dir.resolve("said.txt"));
        assertThat(said).contains("已中断，未写出汇总表");
        assertThat(out).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("xxgk"));
        }
        if (Files.exists(out.getParent())) {
            try (var s = Files.list(out.getParent())) {
                assertThat(s).isEmpty();
            }
        }
    }
}
