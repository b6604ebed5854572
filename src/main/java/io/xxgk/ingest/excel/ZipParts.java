package io.xxgk.ingest.excel;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.xxgk.ingest.Zips;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;

/**
 * The zip side of the fast reader: parts opened with a limit on how far they may inflate, or
 * inflated into buffers kept per thread (a merge reads thousands of workbooks), and the StAX
 * factory for the parts it parses (no DTDs, no external entities).
 */
final class ZipParts {

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

    static InputStream open(ZipFile zip, String part) throws IOException {
        ZipEntry e = zip.getEntry(part);
        if (e == null) {
            throw new IOException("missing part " + part);
        }
        return Zips.checked(zip, e);
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
        try (InputStream in = Zips.checked(zip, e)) {
            int n = in.readNBytes(bytes, 0, (int) size);
            return n == size && in.read() < 0 ? n : -1;
        }
    }
}
