package io.xxgk.ingest.format;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.schema.Layout;
import java.nio.file.Path;

/**
 * Word 97-2003 documents (.doc) and WPS's own document (.wps): common in these offices, not read
 * (no maintained library reads their tables reliably), and said with the way out: save as .docx.
 */
final class WordBinaryFormat extends Format {

    WordBinaryFormat() {
        super("doc", Container.OLE2, Annotation.NONE, false, ".doc", ".wps");
    }

    @Override
    public boolean takes(Head head) {
        return oleWith(head, "WordDocument");
    }

    @Override
    public SourceReport read(Path file, Layout layout) throws UnreadableException {
        throw new UnreadableException(Messages.get("reason.saveAsDocx"), null);
    }

    @Override
    public boolean readable() {
        return false;
    }
}
