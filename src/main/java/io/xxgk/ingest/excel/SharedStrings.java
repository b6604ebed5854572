package io.xxgk.ingest.excel;

import io.xxgk.ingest.Zips;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The shared strings the needed cells use, parsed only up to the highest of them. */
final class SharedStrings {
    private final ZipFile zip;
    private final String part;
    private final BitSet needed;
    private Map<Integer, String> strings;

    SharedStrings(ZipFile zip, String part, BitSet needed) {
        this.zip = zip;
        this.part = part;
        this.needed = needed;
    }

    String get(int i) throws IOException, XMLStreamException {
        if (strings == null) {
            strings = load();
        }
        String s = strings.get(i);
        if (s == null) {
            // A cell pointing past the strings is damage, not a blank.
            throw new Zips.DamagedException("shared string " + i + " missing");
        }
        return s;
    }

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** OOXML's escapes of characters XML cannot hold ({@code _x000D_}), decoded as POI and Excel decode them. */
    static String unescape(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        return ESCAPE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    private Map<Integer, String> load() throws IOException, XMLStreamException {
        Map<Integer, String> out = new HashMap<>();
        if (part == null || needed.isEmpty()) {
            return out;
        }
        int last = needed.length() - 1;
        try (InputStream in = ZipParts.open(zip, part)) {
            XMLStreamReader x = ZipParts.XML.createXMLStreamReader(in);
            StringBuilder si = null;
            int index = -1;
            int phonetic = 0;
            while (x.hasNext() && index <= last) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> {
                            index++;
                            si = needed.get(index) ? new StringBuilder() : null;
                        }
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            if (si != null && phonetic == 0) {
                                si.append(x.getElementText());
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (x.getLocalName().equals("si") && si != null) {
                        out.put(index, unescape(si.toString()));
                        si = null;
                    } else if (x.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
            x.close();
            in.transferTo(OutputStream.nullOutputStream()); // to its end: the CRC is checked there
        }
        return out;
    }
}
