package io.xxgk.excel;

import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.util.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Personalised templates by the thousand: the template is built once per set of identity fields
 * filled in, with a marker in each identity cell; each agency's copy is that workbook with the
 * markers replaced in the few parts that hold them, every other part copied as it is, still
 * compressed. Before the first copy of a kind is trusted, one agency's copy is compared part by part
 * with the workbook the writer itself makes; where they differ, every copy of that kind is written by
 * the writer instead. The copies hold the same content as the writer's workbooks.
 */
public final class TemplateCopies {

    /**
     * Identities whose filled fields are these, of this year, are copied from one built workbook (the
     * year is written as a number, not text, so it is built in rather than filled in).
     */
    private record Shape(Set<IdentityField> fields, String year) {
    }

    private final Map<Shape, Prepared> byShape = new ConcurrentHashMap<>();
    private final TemplateWriter writer;
    private final Map<String, BigDecimal> values;

    public TemplateCopies(TemplateWriter writer, Map<String, BigDecimal> values) {
        this.writer = writer;
        this.values = values;
    }

    /** The template for {@code identity} at {@code target}, as {@link TemplateWriter#write} would write it. */
    public void write(Identity identity, Path target, boolean replace) throws IOException {
        Prepared p = prepared(identity);
        if (p.parts == null) {
            writer.write(identity, values, target, replace);
            return;
        }
        AtomicFiles.write(target, replace, out -> p.copy(identity, out));
    }

    private Prepared prepared(Identity identity) {
        Set<IdentityField> fields = EnumSet.noneOf(IdentityField.class);
        fields.addAll(identity.asMap().keySet());
        fields.remove(IdentityField.YEAR);
        return byShape.computeIfAbsent(new Shape(fields, identity.get(IdentityField.YEAR).orElse(null)), this::prepare);
    }

    /** True when {@code identity}'s template is a copy (the check passed), false when the writer writes it. */
    boolean copies(Identity identity) {
        return prepared(identity).parts != null;
    }

    /** One part of the built workbook: copied raw, or (holding markers) its text to fill in. */
    private record Part(ZipArchiveEntry entry, byte[] raw, String text) {
    }

    /** The workbook built with markers, split into its parts; {@code parts} null when copies are not exact. */
    private final class Prepared {
        final List<Part> parts;
        final Map<IdentityField, String> markers;

        Prepared(List<Part> parts, Map<IdentityField, String> markers) {
            this.parts = parts;
            this.markers = markers;
        }

        void copy(Identity identity, OutputStream to) throws IOException {
            // Not closed here: AtomicFiles owns the stream; finish() completes the zip.
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(to);
            for (Part part : parts) {
                if (part.text == null) {
                    zip.addRawArchiveEntry(new ZipArchiveEntry(part.entry), new ByteArrayInputStream(part.raw));
                    continue;
                }
                String text = part.text;
                for (Map.Entry<IdentityField, String> m : markers.entrySet()) {
                    text = text.replace(m.getValue(), escape(identity.get(m.getKey()).orElse("")));
                }
                ZipArchiveEntry e = new ZipArchiveEntry(part.entry.getName());
                e.setMethod(ZipArchiveEntry.DEFLATED);
                e.setTime(part.entry.getTime());
                zip.putArchiveEntry(e);
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    private Prepared prepare(Shape shape) {
        try {
            Map<IdentityField, String> markers = new HashMap<>();
            Identity marked = Identity.empty().with(IdentityField.YEAR, shape.year());
            Identity probe = marked;
            int i = 0;
            for (IdentityField f : shape.fields()) {
                // Private-use characters: no agency name, code or year holds them.
                String marker = "\uE000" + (char) ('\uE100' + i++) + "\uE001";
                markers.put(f, marker);
                marked = marked.with(f, marker);
                probe = probe.with(f, probeValue(f));
            }
            List<Part> parts = split(build(marked), markers);
            Prepared p = new Prepared(parts, markers);
            // The check: the copy for a probe agency holds what the writer writes for it, part by part.
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            p.copy(probe, copy);
            boolean same = contents(copy.toByteArray()).equals(contents(build(probe)));
            return new Prepared(same ? parts : null, markers);
        } catch (IOException e) {
            return new Prepared(null, Map.of());
        }
    }

    private static String probeValue(IdentityField f) {
        return switch (f) {
            case CREDIT_CODE -> "11100000000013127B";
            case REGION_CODE -> "110101";
            case POSTCODE -> "100010";
            // The characters XML escapes, so an escape done otherwise than the writer's shows here.
            default -> "试验单位" + f.ordinal() + " R&D <甲> \"乙\" '丙'";
        };
    }

    private byte[] build(Identity identity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var wb = writer.build(identity, values)) {
            OutputMark.set(wb, OutputMark.Kind.TEMPLATE);
            wb.write(out);
        }
        return out.toByteArray();
    }

    private static List<Part> split(byte[] xlsx, Map<IdentityField, String> markers) throws IOException {
        List<Part> parts = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                byte[] content;
                try (InputStream in = zip.getInputStream(e)) {
                    content = in.readAllBytes();
                }
                String text = new String(content, StandardCharsets.UTF_8);
                if (markers.values().stream().anyMatch(text::contains)) {
                    parts.add(new Part(e, null, text));
                } else {
                    try (InputStream raw = zip.getRawInputStream(e)) {
                        parts.add(new Part(e, raw.readAllBytes(), null));
                    }
                }
            }
        }
        return parts;
    }

    /** Each part's content by name, the creation time (docProps/core.xml) aside. */
    private static Map<String, String> contents(byte[] xlsx) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (!e.getName().equals("docProps/core.xml")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    /** Text for an XML text node, as the writer escapes it (the check above holds it to that). */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
