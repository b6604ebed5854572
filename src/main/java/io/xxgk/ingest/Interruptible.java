package io.xxgk.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reading that stops when its thread is interrupted (an input given up after its time): every read
 * of a part's bytes asks first. POI's and the XML parser's work on a part stops at its next read,
 * instead of running to its own end while the run has moved on.
 */
public final class Interruptible {

    private Interruptible() {
    }

    /** {@code in}, failing with {@link InterruptedIOException} once the reading thread is interrupted. */
    public static InputStream stream(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check();
                return super.read(b, off, len);
            }

            @Override
            public long skip(long n) throws IOException {
                check();
                return super.skip(n);
            }
        };
    }

    /** Throws when the current thread has been interrupted (its input given up). */
    public static void check() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("reading stopped: the input was given up");
        }
    }

    /** True when the file starts as a zip does (an encrypted .xlsx is an OLE2 file: POI's factory opens that). */
    public static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** An .xlsx opened read-only by POI, each of its parts read through {@link #stream}. */
    public static XSSFWorkbook xlsx(Path file) throws IOException {
        ZipSecureFile zip = new ZipSecureFile(file.toFile());
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new Source(new ZipFileZipEntrySource(zip)));
        } catch (InvalidFormatException | RuntimeException e) {
            zip.close();
            throw new IOException(e.getMessage(), e);
        }
        try {
            return new XSSFWorkbook(pkg);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    /** A package's entries, each read through {@link #stream}. */
    private record Source(ZipEntrySource of) implements ZipEntrySource {
        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return of.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return of.getEntry(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            check();
            return stream(of.getInputStream(entry));
        }

        @Override
        public void close() throws IOException {
            of.close();
        }

        @Override
        public boolean isClosed() {
            return of.isClosed();
        }
    }
}
