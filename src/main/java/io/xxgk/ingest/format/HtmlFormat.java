package io.xxgk.ingest.format;

import io.xxgk.ingest.text.ReportText;

/** Web pages (.html, .htm), read through jsoup: their tables as a grid. */
final class HtmlFormat extends ReportFormat {

    HtmlFormat() {
        super("html", Container.PLAIN, ReportText.Kind.HTML, ".html", ".htm");
    }

    /** Text with the marks of HTML, named so or without an ending. */
    @Override
    public boolean takes(Head head) {
        return head.html() && (named(head.name()) || head.nameSaysNothing());
    }
}
