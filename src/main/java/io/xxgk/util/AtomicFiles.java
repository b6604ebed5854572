package io.xxgk.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file through a temporary file in the same folder and moves it into place, so a crash
 * never leaves a half-written workbook under the real name.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target}. An existing file is replaced only when {@code replace} is true;
     * otherwise a {@link FileAlreadyExistsException} is thrown before anything is written.
     */
    public static void write(Path target, boolean replace, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!replace && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        try {
            OutputStream created = null;
            while (created == null) {
                // Not Files.createTempFile: its files are private to the user (0600), and the moved
                // file would keep that; a file created plainly gets the usual permissions.
                tmp = dir.resolve(RunFiles.besideName(Long.toUnsignedString(RANDOM.nextLong(), 36)));
                try {
                    created = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    tmp = null;
                }
            }
            RunFiles.writing(tmp);
            try (OutputStream out = new BufferedOutputStream(created)) {
                content.writeTo(out);
            }
            move(tmp, absolute, replace);
            RunFiles.moved(absolute);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
                RunFiles.written(tmp);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static void move(Path tmp, Path target, boolean replace) throws IOException {
        if (!replace) {
            // An atomic rename replaces a file that appeared meanwhile (two runs writing one output);
            // a new link to the finished file does not: it fails when the name is taken.
            try {
                Files.createLink(target, tmp);
                Files.delete(tmp);
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                // no hard links here (some shared or FAT folders): a plain move, which also refuses an existing name
                Files.move(tmp, target);
                return;
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
