package io.xxgk.ingest.excel;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.UnreadableException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;

/**
 * The zip side of the fast reader: parts opened with a limit on how far they may inflate, or
 * inflated into buffers kept per thread (a merge reads thousands of workbooks), and the StAX
 * factory for the parts it parses (no DTDs, no external entities).
 */
final class ZipParts {

    /** No part of a report workbook inflates to more than this; more is a zip bomb. */
    static final long MAX_PART_BYTES = 100L << 20;
    static final XMLInputFactory XML = secureFactory();

    /** Parts up to this size are inflated whole and scanned; larger ones are streamed to StAX. */
    static final int SCAN_LIMIT = 4 << 20;
    private static final ThreadLocal<byte[][]> BUFFERS = ThreadLocal.withInitial(() -> new byte[3][1 << 16]);

    private ZipParts() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Like POI's ZipSecureFile: a large part that compresses better than 1:100 is a bomb. Two parts
     * of one name are damage (which one a reader takes differs: POI refuses them).
     */
    static void refuseBombs(ZipFile zip) throws IOException {
        var entries = zip.entries();
        Set<String> names = new HashSet<>();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (!names.add(e.getName())) {
                throw new DamagedException("two parts named " + e.getName());
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size > (1L << 20) && packed >= 0 && packed < size / 100) {
                throw new BombException(e.getName() + " inflates " + size / Math.max(1, packed) + "-fold");
            }
        }
    }

    static InputStream open(ZipFile zip, String part) throws IOException {
        ZipEntry e = zip.getEntry(part);
        if (e == null) {
            throw new IOException("missing part " + part);
        }
        return checked(zip, e);
    }

    /**
     * A part's bytes, failing past {@link #MAX_PART_BYTES}, and at its end when they are not the
     * bytes it was written with (java.util.zip does not check the CRC: a flipped bit read as 98 for 28).
     */
    static InputStream checked(ZipFile zip, ZipEntry e) throws IOException {
        return new Limited(new Checked(zip.getInputStream(e), e), e.getName());
    }

    /** {@code in} failing once it has given more than {@link #MAX_PART_BYTES}. */
    static InputStream limited(InputStream in, String part) {
        return new Limited(in, part);
    }

    /** Reads every part of a workbook to its end: the CRCs are checked, two parts of one name refused. */
    static void verify(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            refuseBombs(zip);
            byte[] sink = new byte[8192];
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                try (InputStream in = checked(zip, e)) {
                    while (in.read(sink) >= 0) {
                        // read to the end, where the CRC is compared
                    }
                }
            }
        }
    }

    /** This thread's buffer {@code which}, at least {@code size} bytes long. */
    static byte[] buffer(int which, int size) {
        byte[][] buffers = BUFFERS.get();
        if (buffers[which].length < size) {
            buffers[which] = new byte[Math.max(size, buffers[which].length * 2)];
        }
        return buffers[which];
    }

    /**
     * Inflates a part into this thread's buffer {@code which}; its length, or -1 when it is larger
     * than {@link #SCAN_LIMIT} or not the size the zip directory gives.
     */
    static int inflate(ZipFile zip, String part, int which) throws IOException {
        ZipEntry e = zip.getEntry(part);
        if (e == null) {
            throw new IOException("missing part " + part);
        }
        long size = e.getSize();
        if (size < 0 || size > SCAN_LIMIT) {
            return -1;
        }
        byte[] bytes = buffer(which, (int) size);
        try (InputStream in = checked(zip, e)) {
            int n = in.readNBytes(bytes, 0, (int) size);
            return n == size && in.read() < 0 ? n : -1;
        }
    }

    /** Fails a part that inflates past {@link #MAX_PART_BYTES}. */
    private static final class Limited extends FilterInputStream {
        private final String part;
        private long read;

        Limited(InputStream in, String part) {
            super(in);
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BombException {
            read += n;
            if (read > MAX_PART_BYTES) {
                throw new BombException(part + " inflates past " + (MAX_PART_BYTES >> 20) + " MiB");
            }
        }
    }

    /** Compares the CRC of what was read with the part's, at the end of the part. */
    private static final class Checked extends FilterInputStream {
        private final CRC32 crc = new CRC32();
        private final ZipEntry entry;
        private long length;

        Checked(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            } else {
                crc.update(b);
                length++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                end();
            } else {
                crc.update(b, off, n);
                length += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
            long done = 0;
            while (done < n) {
                int r = read(sink, 0, (int) Math.min(sink.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        private void end() throws DamagedException {
            if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()
                    || entry.getSize() >= 0 && length != entry.getSize()) {
                throw new DamagedException(entry.getName() + " is not what was written (CRC or length differs)");
            }
        }
    }

    /** A zip refused as it is, never read around: the reason a clerk reads, and the detail. */
    abstract static class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }

        abstract String reasonKey();

        UnreadableException unreadable() {
            return new UnreadableException(Messages.get(reasonKey()) + " (" + getMessage() + ")", this);
        }
    }

    /** A part whose bytes are not those written, or a zip that cannot be a workbook as written. */
    static final class DamagedException extends RefusedException {
        private static final long serialVersionUID = 1L;

        DamagedException(String message) {
            super(message);
        }

        @Override
        String reasonKey() {
            return "reason.corrupt";
        }
    }

    /** A part inflating past the limit. */
    static final class BombException extends RefusedException {
        private static final long serialVersionUID = 1L;

        BombException(String message) {
            super(message);
        }

        @Override
        String reasonKey() {
            return "reason.zipBomb";
        }
    }
}
