package io.xxgk.merge;

import io.xxgk.finding.Finding;
import io.xxgk.util.RunFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The findings of a merge's inputs, kept in a temporary file instead of memory (10,000 inputs can
 * carry a million blank-cell warnings). Each is stored rendered, ready for the 问题清单 sheet.
 */
public final class FindingSpool implements Closeable {

    /** One finding as the 问题清单 shows it; {@code severity} is the id (error, warning, info). */
    public record Line(String agency, String file, String cell, String key, String rule, String severity,
                       String message) {
    }

    private final Path path;
    private final DataOutputStream out;
    private long count;

    public FindingSpool() throws IOException {
        path = Files.createTempFile(RunFiles.dir(), "xxgk-findings-", ".bin");
        path.toFile().deleteOnExit();
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
    }

    public void add(String agency, Finding f) {
        add(line(agency, f));
    }

    /** A finding rendered as the 问题清单 shows it (its message in the user's language). */
    public static Line line(String agency, Finding f) {
        return new Line(agency, f.file(), f.cell(), f.key(), f.rule(), f.severity().id(), f.message());
    }

    public void add(Line l) {
        try {
            for (String s : new String[] {l.agency(), l.file(), l.cell(), l.key(), l.rule(), l.severity(), l.message()}) {
                out.writeUTF(s == null ? "" : s.length() > 20_000 ? s.substring(0, 20_000) : s);
            }
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        return count;
    }

    /** Reads every line back in the order they were added. */
    public void forEach(Consumer<Line> action) throws IOException {
        out.flush();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            for (long i = 0; i < count; i++) {
                action.accept(new Line(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                        in.readUTF(), in.readUTF()));
            }
        } catch (EOFException e) {
            throw new IOException("finding spool truncated", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(path);
    }
}
