package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.text.ReportText;
import io.xxgk.ingest.text.TextReportReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;

/** A published report's format: read by the report reader as its kind; no annotated copy (import makes a workbook). */
abstract class ReportFormat extends Format {

    private final ReportText.Kind kind;

    ReportFormat(String id, Container container, ReportText.Kind kind, String... extensions) {
        super(id, container, Annotation.NONE, false, extensions);
        this.kind = kind;
    }

    @Override
    public final SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new TextReportReader(layout).read(file, kind);
    }
}
