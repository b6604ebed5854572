package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/** OpenDocument spreadsheets (LibreOffice's .ods); the annotated copy is an .xlsx in the official layout. */
final class OdsFormat implements Formats.ZipFormat {

    @Override
    public String id() {
        return "ods";
    }

    @Override
    public List<String> extensions() {
        return List.of(".ods");
    }

    @Override
    public String entry() {
        return "content.xml";
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new WorkbookReader(layout).read(file, WorkbookReader.Container.ODF);
    }

    @Override
    public Annotation annotation() {
        return Annotation.AS_XLSX;
    }

    @Override
    public boolean workbook() {
        return true;
    }
}
