package io.xxgk.ingest.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The mark xxgk puts on every workbook it writes: a custom document property {@value #PROPERTY}
 * naming what the file is (a template, a summary, an annotated copy). Excel, WPS and LibreOffice
 * keep custom properties when they save, so the mark survives editing. It is how xxgk knows a file
 * is its own: only such a file is replaced with --force, and an annotated copy is never merged.
 */
public final class OutputMark {

    /** The name of the custom document property. */
    public static final String PROPERTY = "xxgk-output";
    /**
     * An annotated copy's second property: the fingerprint of the numbers and identity it was
     * annotated with, so a copy sent back can be told fixed (changed) from unchanged.
     */
    public static final String ANNOTATED_VALUES = "xxgk-annotated-values";
    /** An imported report's property: the keys the import could not read (blank in it, not zero). */
    public static final String IMPORT_UNREAD = "xxgk-import-unread";
    /** Custom properties are a few hundred bytes; more is not ours. */
    private static final int MAX_BYTES = 1 << 16;

    /** What xxgk wrote. */
    public enum Kind {
        TEMPLATE, SUMMARY, ANNOTATED, IMPORTED, RETURN_LIST;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind byId(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id.strip())) {
                    return k;
                }
            }
            return null;
        }
    }

    private OutputMark() {
    }

    /** The mark of a workbook file, or null (none, not a workbook, unreadable). */
    public static Kind of(Path file) {
        String v = value(file, PROPERTY);
        return v == null ? null : Kind.byId(v);
    }

    /** The value of one of our custom properties in a workbook file, or null (none, not a workbook, unreadable). */
    public static String value(Path file, String property) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (n.endsWith(".xls") || ole2(file)) {
                try (HSSFWorkbook wb = new HSSFWorkbook(Files.newInputStream(file))) {
                    return value(wb, property);
                }
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return value(zip, property);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True for a file in OLE2 (a .xls, or one renamed or without a name's ending), told by its first bytes. */
    private static boolean ole2(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return Arrays.equals(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                    (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        }
    }

    /** The mark in an open .xlsx (docProps/custom.xml) or .ods (meta.xml, as LibreOffice keeps it), or null. */
    static Kind of(ZipFile zip) throws IOException {
        String v = value(zip, PROPERTY);
        return v == null ? null : Kind.byId(v);
    }

    private static String value(ZipFile zip, String property) throws IOException {
        ZipEntry e = zip.getEntry("docProps/custom.xml");
        if (e == null) {
            e = zip.getEntry("meta.xml");
        }
        if (e == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            return parse(new ByteArrayInputStream(bytes), property);
        } catch (XMLStreamException ex) {
            return null;
        }
    }

    private static String parse(InputStream in, String property) throws XMLStreamException {
        XMLStreamReader x = ZipParts.XML.createXMLStreamReader(in);
        try {
            boolean ours = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (x.getLocalName().equals("property")) {
                    ours = property.equals(x.getAttributeValue(null, "name"));
                } else if (x.getLocalName().equals("user-defined")) {
                    // ODF: <meta:user-defined meta:name="xxgk-output">annotated</meta:user-defined>
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        if (x.getAttributeLocalName(i).equals("name") && property.equals(x.getAttributeValue(i))) {
                            return x.getElementText().strip();
                        }
                    }
                } else if (ours) {
                    return x.getElementText().strip();
                }
            }
            return null;
        } finally {
            x.close();
        }
    }

    /** The mark of a workbook POI has opened, or null. */
    public static Kind of(Workbook wb) {
        String v = value(wb, PROPERTY);
        return v == null ? null : Kind.byId(v);
    }

    private static String value(Workbook wb, String property) {
        try {
            if (wb instanceof XSSFWorkbook x) {
                var p = x.getProperties().getCustomProperties().getProperty(property);
                return p == null || !p.isSetLpwstr() ? null : p.getLpwstr().strip();
            }
            if (wb instanceof HSSFWorkbook h) {
                DocumentSummaryInformation info = h.getDocumentSummaryInformation();
                CustomProperties custom = info == null ? null : info.getCustomProperties();
                Object v = custom == null ? null : custom.get(property);
                return v instanceof String s ? s.strip() : null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Puts the mark on a workbook about to be written (replacing the mark it had: a copy of a template). */
    public static void set(Workbook wb, Kind kind) {
        set(wb, PROPERTY, kind.id());
    }

    /** Sets one of our custom properties on a workbook about to be written. */
    public static void set(Workbook wb, String property, String value) {
        if (wb instanceof XSSFWorkbook x) {
            POIXMLProperties.CustomProperties custom = x.getProperties().getCustomProperties();
            if (custom.contains(property)) {
                custom.getProperty(property).setLpwstr(value);
            } else {
                custom.addProperty(property, value);
            }
        } else if (wb instanceof HSSFWorkbook h) {
            h.createInformationProperties();
            DocumentSummaryInformation info = h.getDocumentSummaryInformation();
            CustomProperties custom = info.getCustomProperties() != null ? info.getCustomProperties()
                    : new CustomProperties();
            custom.put(property, value);
            info.setCustomProperties(custom);
        }
    }
}
