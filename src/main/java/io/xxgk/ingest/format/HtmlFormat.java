package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.text.ReportText;
import io.xxgk.ingest.text.TextReportReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/** Web pages (.html, .htm), read through jsoup: their tables as a grid. */
final class HtmlFormat implements InputFormat {

    @Override
    public String id() {
        return "html";
    }

    @Override
    public List<String> extensions() {
        return List.of(".html", ".htm");
    }

    @Override
    public boolean takes(Head head) {
        return head.html() && (named(head.name()) || head.nameSaysNothing());
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new TextReportReader(layout).read(file, ReportText.Kind.HTML);
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
