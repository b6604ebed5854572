package io.xxgk.ingest.format;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Excel 97-2003 workbooks (.xls) and WPS's own spreadsheet (.et), which WPS writes in the same BIFF
 * records: POI reads both. An .et that POI cannot read is said with the way out (save it as .xlsx).
 */
final class XlsFormat implements Formats.OleFormat {

    @Override
    public String id() {
        return "xls";
    }

    @Override
    public List<String> extensions() {
        return List.of(".xls", ".et");
    }

    @Override
    public String[] streams() {
        return new String[] {"Workbook", "Book"};
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

    @Override
    public Annotation annotation() {
        return Annotation.COPY;
    }

    @Override
    public boolean workbook() {
        return true;
    }
}
