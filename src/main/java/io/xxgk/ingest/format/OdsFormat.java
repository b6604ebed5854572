package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;

/** OpenDocument spreadsheets (LibreOffice's .ods); the annotated copy is an .xlsx in the official layout. */
final class OdsFormat extends Format {

    OdsFormat() {
        super("ods", Container.ZIP, Annotation.AS_XLSX, true, ".ods");
    }

    @Override
    public boolean takes(Head head) {
        return zipWith(head, "content.xml");
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new WorkbookReader(layout).read(file, WorkbookReader.Container.ODF);
    }
}
