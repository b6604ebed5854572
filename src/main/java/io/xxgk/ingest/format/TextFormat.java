package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.text.ReportText;
import io.xxgk.ingest.text.TextReportReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/** Plain text and converter Markdown (.txt, .md). */
final class TextFormat implements InputFormat {

    @Override
    public String id() {
        return "text";
    }

    @Override
    public List<String> extensions() {
        return List.of(".txt", ".md");
    }

    @Override
    public boolean takes(Head head) {
        return head.text() && !head.html() && (named(head.name()) || head.nameSaysNothing());
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new TextReportReader(layout).read(file, ReportText.Kind.TEXT);
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
