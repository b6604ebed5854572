package io.xxgk.ingest;

import io.xxgk.finding.Finding;
import java.math.BigDecimal;
import java.util.List;

/**
 * A row of a published report whose numbers ran together and that the tables and the narrative left
 * open: its cells' keys (in the row's order), every way of cutting it that fits the table (each a value
 * per key), where it stands and as printed, the READ finding that says it was not read, and the READ-SPLIT
 * finding of the cells every way agrees on, read already (or null). Evidence found later (last year's report
 * of the agency) may decide it: both findings are then replaced by one that says how.
 */
public record OpenRow(List<String> keys, List<BigDecimal[]> ways, String sheet, String a1, String text,
                      Finding unread, Finding partly) {

    public OpenRow {
        keys = List.copyOf(keys);
        ways = List.copyOf(ways);
    }
}
