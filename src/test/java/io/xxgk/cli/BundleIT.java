package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release bundle (target/xxgk-<version>.zip, built by mvn package) unzipped in a folder outside
 * the checkout runs the README's quick start with only Java: a fake mvn first on the PATH fails the
 * test if the launcher ever calls Maven. The launcher says what to install when Java is missing or
 * too old; xxgk.cmd keeps its CRLF line ends and runs the bundled jar.
 */
class BundleIT {

    @TempDir
    Path dir;

    /**
     * Where the bundle is unzipped: with spaces and Chinese in its name, as under "Program Files" or a
     * user's desktop (regression: the launcher split the class-data archive's path at the space).
     */
    private static final String UNZIPPED = "解压 后的 bundle";

    private Path home;
    private Path fakes;

    @BeforeEach
    void unzip() throws Exception {
        Path zip;
        try (var s = Files.list(Path.of("target"))) {
            zip = s.filter(p -> p.getFileName().toString().matches("xxgk-.*\\.zip")).findFirst().orElseThrow();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                Path out = dir.resolve(UNZIPPED).resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        try (var s = Files.list(dir.resolve(UNZIPPED))) {
            home = s.findFirst().orElseThrow();
        }
        fakes = Files.createDirectories(dir.resolve("fake-bin"));
        script(fakes.resolve("mvn"), "#!/bin/sh\necho MAVEN-WAS-CALLED >&2\nexit 99\n");
    }

    private static void script(Path p, String text) throws Exception {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int code, String out) {
    }

    private Run launch(String path, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", home.resolve("xxgk").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", path);
        env.remove("LANG");
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // not the real user's cache folder
        env.remove("LC_ALL");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theQuickStartRunsFromTheBundleWithOnlyJava() throws Exception {
        assertThat(home.resolve("lib/xxgk.jar")).exists();
        assertThat(home.resolve("使用说明.txt")).exists();
        // Opened with Notepad on Windows: a BOM (older Notepad read UTF-8 without one as GBK) and CRLF.
        byte[] usage = Files.readAllBytes(home.resolve("使用说明.txt"));
        assertThat(Arrays.copyOf(usage, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(usage, StandardCharsets.UTF_8).split("\n")).allSatisfy(line -> assertThat(line).endsWith("\r"));
        assertThat(home.resolve("docs/参考-键名与规则.md")).exists();
        assertThat(home.resolve("打开网页版.cmd")).exists();
        assertThat(home.resolve("templates/政府信息公开工作年度报告统计表-2021.xlsx")).exists();
        assertThat(home.resolve("pom.xml")).doesNotExist();
        String path = fakes + ":" + System.getenv("PATH");
        Run merge = launch(path, "merge", "examples/2023", "--roster", "examples/roster.csv", "-o", "汇总.xlsx");
        assertThat(merge.out()).doesNotContain("MAVEN-WAS-CALLED").contains("已汇总 4/5 个文件");
        assertThat(merge.code()).isEqualTo(1);
        assertThat(home.resolve("汇总.xlsx")).exists();
        Run check = launch(path, "check", "examples/2023/上杭县人民政府办公室.xlsx");
        assertThat(check.code()).as(check.out()).isZero();
    }

    /**
     * The first run leaves a class-data archive that this Java maps as it is (-Xshare:on fails
     * otherwise) with picocli's Java 5 classes in it. JDK 17 uses an archive's application classes
     * only from a jar whose real path is plain ASCII: from the unzipped folder (spaces, Chinese) the
     * launcher runs a hard link of the jar in the user's cache folder, archive beside it; moved to a
     * plain path, the archive is made beside the jar.
     */
    @Test
    void theClassDataArchiveHoldsPicocliWhereverTheBundleIs() throws Exception {
        String path = fakes + ":" + System.getenv("PATH");
        assertThat(launch(path, "check", "examples/2023/上杭县人民政府办公室.xlsx").code()).isZero();
        Path cached;
        try (var s = Files.list(dir.resolve("cache/xxgk"))) {
            cached = s.findFirst().orElseThrow();
        }
        assertThat(Files.isSameFile(cached.resolve("xxgk.jar"), home.resolve("lib/xxgk.jar"))).isTrue();
        assertSharesPicocli(cached.resolve("xxgk.jsa"), cached.resolve("xxgk.jar"));
        Path moved = dir.resolve("moved");
        Files.move(home.getParent(), moved);
        home = moved.resolve(home.getFileName());
        Run check = launch(path, "check", "examples/2023/上杭县人民政府办公室.xlsx");
        assertThat(check.code()).as(check.out()).isZero();
        Path jar = home.resolve("lib/xxgk.jar").toAbsolutePath();
        assertThat(Files.readString(home.resolve("lib/xxgk.jsa.key"))).as("made for the new place").isEqualTo(jar.toString());
        assertSharesPicocli(home.resolve("lib/xxgk.jsa"), jar);
    }

    private static void assertSharesPicocli(Path archive, Path jar) throws Exception {
        Process java = new ProcessBuilder("java", "-XX:+UseSerialGC", "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xlog:class+load",
                "-cp", jar.toAbsolutePath().toString(), "io.xxgk.cli.Main", "--version").redirectErrorStream(true).start();
        String loaded = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor()).as(loaded).isZero();
        assertThat(loaded).contains("picocli.CommandLine source: shared objects file");
    }

    @Test
    void aMissingOrOldJavaIsSaidInPlainWords() throws Exception {
        // Only the tools the launcher itself needs, and no java.
        Path bin = Files.createDirectories(dir.resolve("bin-without-java"));
        for (String tool : List.of("sed", "head", "dirname", "find", "mktemp", "rm", "cat")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        Run none = launch(bin.toString(), "check", "x");
        // A code of its own (4): 70 is the program's internal error, which this is not.
        assertThat(none.code()).isEqualTo(4);
        assertThat(none.out()).contains("找不到 Java").contains("Java 17").contains("JRE");

        Path old = Files.createDirectories(dir.resolve("old-java"));
        script(old.resolve("java"), "#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\nexit 0\n");
        Run tooOld = launch(old + ":" + bin, "--lang", "en", "check", "x");
        assertThat(tooOld.code()).isEqualTo(4);
        assertThat(tooOld.out()).contains("1.8.0_392").contains("Java 17 or newer").contains("JRE");
    }

    @Test
    void theWindowsLauncherKeepsCrlfAndRunsTheBundledJarWithoutMaven() throws Exception {
        String cmd = Files.readString(home.resolve("xxgk.cmd"), StandardCharsets.UTF_8);
        assertThat(cmd.split("\n")).allSatisfy(line -> assertThat(line).endsWith("\r"));
        assertThat(cmd).contains("lib\\xxgk.jar").contains("if not exist \"%HERE%pom.xml\" set \"JAR=%HERE%lib\\xxgk.jar\"");
        // Maven is only called inside a source checkout (pom.xml present) when the jar is missing.
        int mvn = cmd.indexOf("call mvn");
        assertThat(cmd.lastIndexOf("if not exist \"%JAR%\" (", mvn)).isPositive();
        // The console's code page is put back; Java older than 17 is refused with what to install.
        assertThat(cmd.indexOf("chcp 65001")).isGreaterThan(cmd.indexOf("set \"OLDCP=%%c\""));
        assertThat(cmd).contains("if defined OLDCP chcp %OLDCP% >nul").contains("if %JMAJ% LSS 17 (")
                .contains("-XX:SharedArchiveFile=%JAR%.jsa");
        assertThat(cmd.substring(cmd.indexOf(":end"))).contains("exit /b %CODE%");
        // Double-click use: the web page, the window kept open with a message when it fails.
        String web = Files.readString(home.resolve("打开网页版.cmd"), StandardCharsets.UTF_8);
        assertThat(web.split("\n")).allSatisfy(line -> assertThat(line).endsWith("\r"));
        assertThat(web).contains("call \"%~dp0xxgk.cmd\" web").contains("pause");
    }

    /**
     * The Windows launcher's java command lines, run here as it builds them (cmd.exe is not on this
     * machine): its first run lists the classes of a check, a merge and a template and dumps them into a
     * static archive beside the jar, all quietly; then a check with --format json gives only JSON on stdout
     * (the dynamic archive it made before wrote ~270 lines there) and takes picocli from the archive.
     */
    @Test
    void theWindowsLaunchersJavaCommandsGiveCleanOutputAndShareClasses() throws Exception {
        String cmd = Files.readString(home.resolve("xxgk.cmd"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> javas = cmd.lines().map(String::strip).filter(l -> l.startsWith("java ")).toList();
        assertThat(javas).hasSize(6);
        String setCds = cmd.lines().map(String::strip).filter(l -> l.contains("set CDS=\"")).findFirst().orElseThrow();
        Path warm = Files.createDirectories(dir.resolve("warm dir"));
        // JDK 17 shares a jar's classes only from a plain ASCII path (this bundle's has spaces and Chinese,
        // as under a Chinese user name): the jar run from one here, the examples from the bundle.
        Path ascii = Files.createDirectories(dir.resolve("ascii/lib"));
        Path jar = Files.copy(home.resolve("lib/xxgk.jar"), ascii.resolve("xxgk.jar"));
        Map<String, String> vars = new HashMap<>(Map.of(
                "HERE", home + "/", "JAR", jar.toString(), "WARM", warm.toString(),
                "SAMPLE", home.resolve("examples/2023/上杭县人民政府办公室.xlsx").toString(),
                "QUIET", "-Xlog:cds=off -Xlog:cds+dynamic=off", "XXGK_JAVA_OPTS", ""));
        for (String line : javas.subList(0, 3)) {
            assertThat(runCmdLine(line, vars, List.of()).code()).as(line).isZero();
        }
        // The lists joined, each class once (with duplicates, Java 17's dump crashed), then dumped.
        assertThat(runCmdLine(javas.get(3), vars, List.of()).code()).isZero();
        List<String> union = Files.readAllLines(warm.resolve("all.lst"));
        assertThat(union).doesNotHaveDuplicates().containsAll(Files.readAllLines(warm.resolve("merge.lst")));
        Run dump = runCmdLine(javas.get(4), vars, List.of());
        assertThat(dump.code()).as(dump.out()).isZero();
        assertThat(dump.out()).isBlank();
        assertThat(ascii.resolve("xxgk.jar.jsa")).exists();
        vars.put("CDS", setCds.substring(setCds.indexOf("set CDS=") + "set CDS=".length()));
        Run check = runCmdLine(javas.get(5), vars, List.of("check", "--format", "json", vars.get("SAMPLE")));
        assertThat(check.code()).isZero();
        assertThat(new ObjectMapper().readTree(check.out()).get(0).get("agency").get("name").asText())
                .isEqualTo("上杭县人民政府办公室");
        vars.put("XXGK_JAVA_OPTS", "-Xlog:class+load=info");
        Run loaded = runCmdLine(javas.get(5), vars, List.of("--version"));
        assertThat(loaded.out()).contains("picocli.CommandLine source: shared objects file");
    }

    /**
     * One of xxgk.cmd's java lines with its %VARIABLES% given, its Windows separators made ours, its
     * redirections to nul and what follows "&&" left out; %* is {@code args}. Stdout only.
     */
    private Run runCmdLine(String line, Map<String, String> vars, List<String> args) throws Exception {
        String l = line.contains(" && ") ? line.substring(0, line.indexOf(" && ")) : line;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            l = l.replace("%" + v.getKey() + "%", v.getValue());
        }
        assertThat(l).as("every variable given").doesNotContainPattern("%[A-Z_]+%");
        List<String> argv = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : (l + " ").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (word.length() > 0) {
                    argv.add(word.toString().replace('\\', '/'));
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        argv.removeIf(a -> a.equals(">nul") || a.equals("2>nul"));
        int all = argv.indexOf("%*");
        if (all >= 0) {
            argv.remove(all);
            argv.addAll(all, args);
        }
        Process p = new ProcessBuilder(argv).directory(home.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
