package io.xxgk.ingest.format;

import io.xxgk.ingest.text.ReportText;

/** Word 2007+ documents (.docx), read through POI: their tables as a grid. */
final class DocxFormat extends ReportFormat {

    DocxFormat() {
        super("docx", Container.ZIP, ReportText.Kind.DOCX, ".docx");
    }

    @Override
    public boolean takes(Head head) {
        return zipWith(head, "word/document.xml");
    }
}
