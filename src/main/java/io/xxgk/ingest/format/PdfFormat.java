package io.xxgk.ingest.format;

import io.xxgk.ingest.text.ReportText;

/** PDF reports (WPS, Word, Acrobat), read by glyph position through PDFBox. */
final class PdfFormat extends ReportFormat {

    PdfFormat() {
        super("pdf", Container.PLAIN, ReportText.Kind.PDF, ".pdf");
    }

    @Override
    public boolean takes(Head head) {
        return head.pdf();
    }
}
