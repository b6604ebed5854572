package io.xxgk.ingest.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * When a file was last saved, as the program that saved it wrote it into the file (a copy or a mail
 * attachment keeps it; a file's own time changes when it is copied): an Office/WPS zip's
 * {@code dcterms:modified}, an ODF file's {@code dc:date}, an OLE2 file's last-save time. Null when
 * the file says none (our templates until someone saves them, text reports).
 */
public final class SavedTime {

    /** The saved time and the file system's time of one file; either may be null. */
    public record Times(Instant saved, Instant file) {
    }

    private static final int MAX_BYTES = 1 << 16;

    private SavedTime() {
    }

    public static Times of(Path file) {
        Instant fileTime;
        try {
            fileTime = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            fileTime = null;
        }
        return new Times(saved(file), fileTime);
    }

    /** The time the file says it was last saved, or null. */
    static Instant saved(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K') {
                return zipped(file);
            }
            if (head.length == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
                return ole2(file);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static Instant zipped(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry core = zip.getEntry("docProps/core.xml");
            if (core != null) {
                return element(zip, core, "modified");
            }
            ZipEntry meta = zip.getEntry("meta.xml");
            return meta == null ? null : element(zip, meta, "date");
        }
    }

    /** The text of the first element of this local name in a small part, as a time. */
    private static Instant element(ZipFile zip, ZipEntry part, String localName) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(part)) {
            bytes = in.readNBytes(MAX_BYTES);
        }
        try {
            XMLStreamReader x = ZipParts.XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals(localName)) {
                        return parse(x.getElementText().strip());
                    }
                }
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return null;
    }

    /** 2024-01-15T10:32:00Z (Office), or 2024-01-15T10:32:00.123456789 without a zone (ODF: local time). */
    static Instant parse(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Instant ole2(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (!fs.getRoot().hasEntry(SummaryInformation.DEFAULT_STREAM_NAME)) {
                return null;
            }
            SummaryInformation info = (SummaryInformation) PropertySetFactory.create(fs.getRoot(),
                    SummaryInformation.DEFAULT_STREAM_NAME);
            return info.getLastSaveDateTime() == null ? null : info.getLastSaveDateTime().toInstant();
        } catch (Exception e) {
            return null;
        }
    }
}
