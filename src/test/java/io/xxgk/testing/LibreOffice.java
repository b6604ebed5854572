package io.xxgk.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice headless for tests: converts files with a private profile that recalculates every
 * formula on load (so totals come from LibreOffice, not from our cached values). Tests using it are
 * skipped on a developer machine without LibreOffice, and fail in CI (CI=true), where .ci/run
 * installs it.
 */
public final class LibreOffice {

    private static final String RECALC_ALWAYS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """;

    private LibreOffice() {
    }

    /** The soffice binary, or a skipped test (a failed one in CI) when there is none. */
    public static Path require() {
        for (String candidate : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("LibreOffice is required in CI (.ci/run installs libreoffice-calc-nogui)");
        }
        assumeTrue(false, "LibreOffice not installed");
        return null;
    }

    /**
     * Converts {@code input} to {@code format} (e.g. "xlsx", "xls", "pdf") into {@code outDir} and
     * returns the output; fails when LibreOffice wrote nothing (it can exit 0 without output).
     */
    public static Path convert(Path input, String format, Path outDir) throws IOException, InterruptedException {
        Path soffice = require();
        Path profile = Files.createTempDirectory("xxgk-lo-profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), RECALC_ALWAYS, StandardCharsets.UTF_8);
        Files.createDirectories(outDir);
        try {
            Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--norestore", "--convert-to", format, "--outdir", outDir.toString(), input.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(outDir.resolve("soffice.log").toFile())
                    .start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("LibreOffice did not finish converting " + input);
            }
        } finally {
            // The profile is this conversion's own: none is left in the temporary folder.
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        String name = input.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        Path out = outDir.resolve(base + "." + format.split(":")[0]);
        if (!Files.isRegularFile(out)) {
            throw new AssertionError("LibreOffice wrote no " + out + ": " + Files.readString(outDir.resolve("soffice.log")));
        }
        return out;
    }
}
