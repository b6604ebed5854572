package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/** Excel 2007+ workbooks (.xlsx, .xlsm; WPS and LibreOffice write them too): the fast reader, else POI. */
final class XlsxFormat implements Formats.ZipFormat {

    @Override
    public String id() {
        return "xlsx";
    }

    @Override
    public List<String> extensions() {
        return List.of(".xlsx", ".xlsm");
    }

    @Override
    public String entry() {
        return "xl/workbook.xml";
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new WorkbookReader(layout).read(file, WorkbookReader.Container.OOXML);
    }

    @Override
    public Annotation annotation() {
        return Annotation.COPY;
    }

    @Override
    public boolean workbook() {
        return true;
    }
}
