package io.xxgk.ingest.format;

import io.xxgk.ingest.text.ReportText;

/**
 * JSON lines (.jsonl, .ndjson): a dataset of published reports, one object per line with the report's
 * title, time and text as fields, each object a report of its own, as a CSV dataset is.
 */
final class JsonLinesFormat extends ReportFormat {

    JsonLinesFormat() {
        super("jsonl", Container.PLAIN, ReportText.Kind.CSV, ".jsonl", ".ndjson");
    }

    /** Text named .jsonl or .ndjson whose start speaks of our reports. */
    @Override
    public boolean takes(Head head) {
        return head.text() && (head.name().endsWith(".jsonl") || head.name().endsWith(".ndjson"))
                && head.mentions("政府信息公开");
    }

    /** Ours only by its content, as a CSV. */
    @Override
    public boolean named(String lowerCaseName) {
        return false;
    }
}
