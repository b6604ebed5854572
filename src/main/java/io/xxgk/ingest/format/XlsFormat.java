package io.xxgk.ingest.format;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Excel 97-2003 workbooks (.xls) and WPS's own spreadsheet (.et), which WPS writes in the same BIFF
 * records: POI reads both. An .et that POI cannot read is said with the way out (save it as .xlsx).
 */
final class XlsFormat extends Format {

    XlsFormat() {
        super("xls", Container.OLE2, Annotation.COPY, true, ".xls", ".et");
    }

    @Override
    public boolean takes(Head head) {
        return oleWith(head, "Workbook", "Book");
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        try {
            return new WorkbookReader(layout).read(file, WorkbookReader.Container.BIFF);
        } catch (UnreadableException e) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".et")) {
                throw new UnreadableException(e.getMessage() + "；" + Messages.get("reason.saveAsXlsx"), e);
            }
            throw e;
        }
    }
}
