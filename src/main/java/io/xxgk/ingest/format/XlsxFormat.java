package io.xxgk.ingest.format;

import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;

/** Excel 2007+ workbooks (.xlsx, .xlsm; WPS and LibreOffice write them too): the fast reader, else POI. */
final class XlsxFormat extends Format {

    XlsxFormat() {
        super("xlsx", Container.ZIP, Annotation.COPY, true, ".xlsx", ".xlsm");
    }

    @Override
    public boolean takes(Head head) {
        return zipWith(head, "xl/workbook.xml");
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        return new WorkbookReader(layout).read(file, WorkbookReader.Container.OOXML);
    }
}
