package io.xxgk.ingest.format;

import io.xxgk.ingest.text.ReportText;

/** Plain text and converter Markdown (.txt, .md). */
final class TextFormat extends ReportFormat {

    TextFormat() {
        super("text", Container.PLAIN, ReportText.Kind.TEXT, ".txt", ".md");
    }

    /** Text without the marks of HTML, named so or without an ending. */
    @Override
    public boolean takes(Head head) {
        return head.text() && !head.html() && (named(head.name()) || head.nameSaysNothing());
    }
}
