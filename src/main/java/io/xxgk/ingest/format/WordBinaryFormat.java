package io.xxgk.ingest.format;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/**
 * Word 97-2003 documents (.doc) and WPS's own document (.wps): common in these offices, not read
 * (no maintained library reads their tables reliably), and said with the way out: save as .docx.
 */
final class WordBinaryFormat implements Formats.OleFormat {

    @Override
    public String id() {
        return "doc";
    }

    @Override
    public List<String> extensions() {
        return List.of(".doc", ".wps");
    }

    @Override
    public String[] streams() {
        return new String[] {"WordDocument"};
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        throw new UnreadableException(Messages.get("reason.saveAsDocx"), null);
    }

    @Override
    public Annotation annotation() {
        return Annotation.NONE;
    }

    @Override
    public boolean workbook() {
        return false;
    }

    @Override
    public boolean readable() {
        return false;
    }
}
