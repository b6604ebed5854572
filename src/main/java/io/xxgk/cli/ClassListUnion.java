package io.xxgk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * For xxgk.cmd's class-data archive: the union of the class lists of its training runs, each line once,
 * in the order first seen (what the Unix launcher does with awk). Joined with duplicates, the lists made
 * Java 17's archive dump crash (SIGSEGV in adjust_lambda_proxy_class_dictionary).
 * Usage: {@code java -cp xxgk.jar io.xxgk.cli.ClassListUnion OUT IN...}
 */
public final class ClassListUnion {

    private ClassListUnion() {
    }

    public static void main(String[] args) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        for (int i = 1; i < args.length; i++) {
            Path in = Path.of(args[i]);
            if (Files.isRegularFile(in)) {
                lines.addAll(Files.readAllLines(in, StandardCharsets.UTF_8));
            }
        }
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
    }
}
