package io.xxgk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies a workbook (a zip) with some parts' XML rewritten: how a fixture gets another writer's quirks. */
public final class ZipEdit {

    private ZipEdit() {
    }

    /** Writes {@code out}: {@code in} with each part named in {@code edits} passed through its function. */
    public static Path rewrite(Path in, Path out, Map<String, UnaryOperator<String>> edits) throws IOException {
        try (ZipFile zip = new ZipFile(in.toFile());
             ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                UnaryOperator<String> edit = edits.get(e.getName());
                if (edit != null) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out;
    }

    /** As {@link #rewrite(Path, Path, Map)} for one part. */
    public static Path rewrite(Path in, Path out, String part, UnaryOperator<String> edit) throws IOException {
        return rewrite(in, out, Map.of(part, edit));
    }

    /** Writes {@code bytes} to {@code z} as a stored (not deflated) part named {@code name}: its bytes can be patched in place. */
    public static void putStored(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(bytes);
        z.closeEntry();
    }

    /** The text of one part. */
    public static String read(Path in, String part) throws IOException {
        try (ZipFile zip = new ZipFile(in.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(part)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
