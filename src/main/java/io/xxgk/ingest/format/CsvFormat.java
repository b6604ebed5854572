package io.xxgk.ingest.format;

import io.xxgk.ingest.text.ReportText;

/**
 * CSV (.csv): the statistical tables saved as CSV, read like a sheet, or a dataset of published
 * reports (one record per report, its text in one field), each record a report of its own. A CSV
 * of anything else (a roster, a list) is not an input: its content decides, not its name.
 */
final class CsvFormat extends ReportFormat {

    CsvFormat() {
        super("csv", Container.PLAIN, ReportText.Kind.CSV, ".csv");
    }

    /** Text named .csv whose start speaks of our tables or reports. */
    @Override
    public boolean takes(Head head) {
        return head.text() && head.name().endsWith(".csv") && head.mentions("政府信息公开", "主动公开", "申请人情况");
    }

    /** A .csv is ours only by its content (a roster saved as .csv in the same folder is not an input). */
    @Override
    public boolean named(String lowerCaseName) {
        return false;
    }
}
