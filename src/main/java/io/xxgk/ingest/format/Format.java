package io.xxgk.ingest.format;

import java.util.List;

/** What every format says of itself: its name, its endings, how it is stored, its annotated copy. */
abstract class Format implements InputFormat {

    /** How a format's files are stored, as far as telling them apart goes. */
    enum Container { ZIP, OLE2, PLAIN }

    private final String id;
    private final Container container;
    private final Annotation annotation;
    private final boolean workbook;
    private final List<String> extensions;

    Format(String id, Container container, Annotation annotation, boolean workbook, String... extensions) {
        this.id = id;
        this.container = container;
        this.annotation = annotation;
        this.workbook = workbook;
        this.extensions = List.of(extensions);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<String> extensions() {
        return extensions;
    }

    @Override
    public final Annotation annotation() {
        return annotation;
    }

    @Override
    public final boolean workbook() {
        return workbook;
    }

    final Container container() {
        return container;
    }

    /**
     * A zip of this format: named so, or (its name saying no other zip format) holding {@code entry}.
     * Only then is the zip's directory read.
     */
    final boolean zipWith(Head head, String entry) {
        return head.zip() && (named(head.name()) || (!Formats.namedAsAnother(head.name(), this) && head.zipEntry(entry)));
    }

    /**
     * An OLE2 file with one of these streams, whatever its name says: an .xls saved as .wps is a
     * workbook, a .doc named .xls a document. (OLE2 files are few in a folder; its directory is small.)
     */
    final boolean oleWith(Head head, String... streams) {
        return head.ole2() && head.oleStream(streams);
    }
}
