package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.text.ReportText;
import io.xxgk.ingest.text.TextReportReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/** PDF reports (WPS, Word, Acrobat), read by glyph position through PDFBox. */
final class PdfFormat implements InputFormat {

    @Override
    public String id() {
        return "pdf";
    }

    @Override
    public List<String> extensions() {
        return List.of(".pdf");
    }

    @Override
    public boolean takes(Head head) {
        return head.pdf();
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new TextReportReader(layout).read(file, ReportText.Kind.PDF);
    }

    @Override
    public Annotation annotation() {
        return Annotation.NONE;
    }

    @Override
    public boolean workbook() {
        return false;
    }
}
