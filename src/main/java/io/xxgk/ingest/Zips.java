package io.xxgk.ingest;

import io.xxgk.i18n.Messages;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What every zip-based input (xlsx, docx, ods) gets before it is read: a bound on what it may cost
 * (entries, inflated sizes, compression ratio) and the CRC of every part a reader uses checked, since
 * java.util.zip and POI read a part whose bytes changed without a word (a 288 read as 289). Parts no
 * reader uses (images, leftovers) are never inflated.
 */
public final class Zips {

    /** No part of a report inflates to more than this; more is a zip bomb. */
    public static final long MAX_PART_BYTES = 100L << 20;
    /** A workbook or document has tens of parts; thousands are not a report (or a bomb made of many). */
    public static final int MAX_ENTRIES = 2000;
    /** What all parts together may say they inflate to. */
    public static final long MAX_TOTAL_BYTES = 1L << 30;

    private Zips() {
    }

    /**
     * Refuses a zip that cannot be a report as written: too many parts, too much in all, a large part
     * compressed better than 1:100 (as POI's ZipSecureFile), two parts of one name (readers differ on
     * which they take).
     */
    public static void refuseBombs(ZipFile zip) throws IOException {
        if (zip.size() > MAX_ENTRIES) {
            throw new BombException(zip.size() + " parts (a report has tens)");
        }
        var entries = zip.entries();
        Set<String> names = new HashSet<>();
        long total = 0;
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
            total += Math.max(0, size);
            if (total > MAX_TOTAL_BYTES) {
                throw new BombException("the parts inflate past " + (MAX_TOTAL_BYTES >> 20) + " MiB in all");
            }
        }
    }

    /** A part readers parse: XML and relationships (not images or other binaries). */
    public static boolean isMarkup(String part) {
        String n = part.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".vml");
    }

    /**
     * Refuses {@code file} as {@link #refuseBombs} does, then reads every markup part to its end: its CRC
     * and length checked, its size bounded. Throws {@link RefusedException} for a zip refused as it is.
     */
    public static void verify(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            refuseBombs(zip);
            byte[] sink = new byte[8192];
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !isMarkup(e.getName())) {
                    continue;
                }
                try (InputStream in = checked(zip, e)) {
                    if (e.getName().endsWith(".rels")) {
                        refuseTwoIds(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                    while (in.read(sink) >= 0) {
                        // read to the end, where the CRC is compared
                    }
                }
            }
        }
    }

    private static final Pattern RELATIONSHIP_ID = Pattern.compile("<(?:\\w+:)?Relationship\\b[^>]*?\\sId\\s*=\\s*[\"']([^\"']*)[\"']");

    /** Two relationships of one id in a part's relationships: programs differ on which they follow. */
    private static void refuseTwoIds(String part, String xml) throws DamagedException {
        Set<String> ids = new HashSet<>();
        Matcher m = RELATIONSHIP_ID.matcher(xml);
        while (m.find()) {
            if (!ids.add(m.group(1))) {
                throw new DamagedException("two relationships with id " + m.group(1) + " in " + part);
            }
        }
    }

    /**
     * A part's bytes, failing past {@link #MAX_PART_BYTES}, and at its end when they are not the
     * bytes it was written with (java.util.zip does not check the CRC: a flipped bit read as 98 for 28).
     */
    public static InputStream checked(ZipFile zip, ZipEntry e) throws IOException {
        return new Limited(new Checked(zip.getInputStream(e), e), e.getName());
    }

    /** {@code in} failing once it has given more than {@link #MAX_PART_BYTES}. */
    public static InputStream limited(InputStream in, String part) {
        return new Limited(in, part);
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

        private void count(int n) throws IOException {
            // An input given up after its time stops at its next read.
            Interruptible.check();
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
    public abstract static class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }

        abstract String reasonKey();

        public UnreadableException unreadable() {
            return new UnreadableException(Messages.get(reasonKey()) + " (" + getMessage() + ")", this);
        }
    }

    /** A part whose bytes are not those written, or a zip that cannot be a report as written. */
    public static final class DamagedException extends RefusedException {
        private static final long serialVersionUID = 1L;

        public DamagedException(String message) {
            super(message);
        }

        @Override
        String reasonKey() {
            return "reason.corrupt";
        }
    }

    /** A part inflating past the limit, or a zip of too many or too large parts. */
    public static final class BombException extends RefusedException {
        private static final long serialVersionUID = 1L;

        public BombException(String message) {
            super(message);
        }

        @Override
        String reasonKey() {
            return "reason.zipBomb";
        }
    }
}
