package io.xxgk.ingest.excel;

import io.xxgk.ingest.Zips;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What workbook.xml and its relationships say: the sheets by name (their part paths), the defined
 * names and the shared strings part; and, per layout, where its keys are ({@link FastXlsxReader}).
 */
final class WorkbookIndex {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    final Map<String, String> sheets = new LinkedHashMap<>();
    final Map<String, String> names = new HashMap<>();
    final ConcurrentHashMap<String, Optional<FastXlsxReader.Plan>> plans = new ConcurrentHashMap<>();
    String sharedStrings;

    private WorkbookIndex() {
    }

    /**
     * Parsed parts by their exact bytes: the workbooks of one merge mostly share their workbook.xml
     * (same template, same names), so it is parsed once. Looked up by a checksum, and a hit compares
     * every byte, so a different part is never taken for a cached one.
     */
    private static final ConcurrentHashMap<Long, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(byte[] main, byte[] rels, WorkbookIndex index) {
    }

    /** The index of the workbook in {@code zip}, or null when it lacks these parts or they are too large. */
    static WorkbookIndex of(ZipFile zip) throws IOException, XMLStreamException {
        String main = "xl/workbook.xml";
        String rels = "xl/_rels/workbook.xml.rels";
        if (zip.getEntry(main) == null || zip.getEntry(rels) == null || !mainPartIs(zip, main)) {
            return null;
        }
        int mainLength = ZipParts.inflate(zip, main, 1);
        int relLength = ZipParts.inflate(zip, rels, 2);
        if (mainLength < 0 || relLength < 0) {
            return null;
        }
        byte[] mainBytes = ZipParts.buffer(1, mainLength);
        byte[] relBytes = ZipParts.buffer(2, relLength);
        CRC32 crc = new CRC32();
        crc.update(mainBytes, 0, mainLength);
        crc.update(relBytes, 0, relLength);
        long key = (crc.getValue() << 20) ^ mainLength ^ ((long) relLength << 52);
        Cached cached = CACHE.get(key);
        if (cached != null && Arrays.equals(cached.main(), 0, cached.main().length, mainBytes, 0, mainLength)
                && Arrays.equals(cached.rels(), 0, cached.rels().length, relBytes, 0, relLength)) {
            return cached.index();
        }
        byte[] mainCopy = Arrays.copyOf(mainBytes, mainLength);
        byte[] relCopy = Arrays.copyOf(relBytes, relLength);
        WorkbookIndex parsed = parse(mainCopy, relCopy);
        if (CACHE.size() > 64) {
            CACHE.clear();
        }
        CACHE.put(key, new Cached(mainCopy, relCopy, parsed));
        return parsed;
    }

    /**
     * Whether the package's own relationships name {@code main} as its workbook: a package pointing at
     * another part is read by the full reader, which follows them as Excel and LibreOffice do (the
     * part beside it, never opened by them, read 62 where they show 1062).
     */
    private static boolean mainPartIs(ZipFile zip, String main) throws IOException, XMLStreamException {
        ZipEntry rels = zip.getEntry("_rels/.rels");
        if (rels == null) {
            return false;
        }
        // A merge reads thousands of workbooks with the same package relationships: told once per content.
        long key = rels.getCrc() ^ (rels.getSize() << 32);
        Boolean known = MAIN_PART.get(key);
        if (known != null) {
            return known;
        }
        boolean is = readMainPartIs(zip, main);
        if (MAIN_PART.size() > 64) {
            MAIN_PART.clear();
        }
        MAIN_PART.put(key, is);
        return is;
    }

    /** Package relationships already read (by CRC and size): whether they named xl/workbook.xml. */
    private static final ConcurrentHashMap<Long, Boolean> MAIN_PART = new ConcurrentHashMap<>();

    private static boolean readMainPartIs(ZipFile zip, String main) throws IOException, XMLStreamException {
        try (InputStream in = ZipParts.open(zip, "_rels/.rels")) {
            XMLStreamReader x = ZipParts.XML.createXMLStreamReader(in);
            String target = null;
            int documents = 0;
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")
                        && String.valueOf(x.getAttributeValue(null, "Type")).endsWith("/officeDocument")) {
                    target = x.getAttributeValue(null, "Target");
                    documents++;
                }
            }
            x.close();
            return documents == 1 && target != null && target.replaceFirst("^/", "").equals(main);
        }
    }

    private static WorkbookIndex parse(byte[] mainBytes, byte[] relBytes) throws XMLStreamException, IOException {
        Map<String, String> rels = new HashMap<>();
        String sharedStrings = null;
        {
            XMLStreamReader x = ZipParts.XML.createXMLStreamReader(new ByteArrayInputStream(relBytes));
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                    String target = resolve(x.getAttributeValue(null, "Target"));
                    if (rels.put(x.getAttributeValue(null, "Id"), target) != null) {
                        // Which part the id means differs by program (LibreOffice the first, POI the last).
                        throw new Zips.DamagedException("two relationships with id " + x.getAttributeValue(null, "Id"));
                    }
                    if (x.getAttributeValue(null, "Type").endsWith("/sharedStrings")) {
                        sharedStrings = target;
                    }
                }
            }
            x.close();
        }
        WorkbookIndex wb = new WorkbookIndex();
        wb.sharedStrings = sharedStrings;
        Set<String> sheetNames = new HashSet<>();
        {
            XMLStreamReader x = ZipParts.XML.createXMLStreamReader(new ByteArrayInputStream(mainBytes));
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (x.getLocalName().equals("sheet")) {
                    String id = x.getAttributeValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
                    String sheet = x.getAttributeValue(null, "name");
                    if (sheet == null || !sheetNames.add(sheet.toLowerCase(Locale.ROOT))) {
                        // Excel allows no two sheets of one name (in any case): which one a name means is unknown.
                        throw new Zips.DamagedException("two sheets named " + sheet);
                    }
                    wb.sheets.put(sheet, rels.get(id));
                } else if (x.getLocalName().equals("definedName") && MAIN.equals(x.getNamespaceURI())) {
                    String name = x.getAttributeValue(null, "name");
                    boolean sheetLocal = x.getAttributeValue(null, "localSheetId") != null;
                    String text = x.getElementText();
                    // Workbook-level names only, matched as Excel does (in any case), the first of a
                    // name; WorkbookReader.named reads POI's names by the same rule.
                    if (!sheetLocal && name != null) {
                        wb.names.putIfAbsent(name.toLowerCase(Locale.ROOT), text);
                    }
                }
            }
            x.close();
        }
        return wb;
    }

    private static String resolve(String target) {
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        return "xl/" + target;
    }
}
