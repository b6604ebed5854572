package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.text.ReportText;
import io.xxgk.ingest.text.TextReportReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/** Word 2007+ documents (.docx), read through POI: their tables as a grid. */
final class DocxFormat implements Formats.ZipFormat {

    @Override
    public String id() {
        return "docx";
    }

    @Override
    public List<String> extensions() {
        return List.of(".docx");
    }

    @Override
    public String entry() {
        return "word/document.xml";
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new TextReportReader(layout).read(file, ReportText.Kind.DOCX);
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
