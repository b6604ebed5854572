package io.xxgk.ingest;

import io.xxgk.schema.Identity;
import io.xxgk.schema.Layout;
import java.util.Map;

/**
 * A report as read from one input: its layout, the identity fields as raw text, and the raw cell of
 * every key it could place (a key missing from {@code cells} could not be placed).
 */
public record SourceReport(String file, Layout layout, Identity identity,
                           Map<String, RawCell> identityCells, Map<String, RawCell> cells) {

    public SourceReport {
        identityCells = Map.copyOf(identityCells);
        cells = Map.copyOf(cells);
    }
}
