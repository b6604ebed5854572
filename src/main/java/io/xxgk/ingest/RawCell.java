package io.xxgk.ingest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What a source holds where a number belongs, before any interpretation, with its location.
 *
 * @param kind    what kind of content it is
 * @param number  the number for {@link Kind#NUMBER} (exact decimal of what the file stores)
 * @param text    the text for {@link Kind#TEXT}, the error code for {@link Kind#ERROR}
 * @param formula true when the content is a formula's cached result
 * @param sheet   sheet name (or page) of the location
 * @param a1      cell address (or line) of the location
 */
public record RawCell(Kind kind, BigDecimal number, String text, boolean formula, String sheet, String a1) {

    /** The kinds of raw content. */
    public enum Kind { NUMBER, TEXT, BLANK, ERROR, BOOLEAN }

    public String location() {
        return sheet + "!" + a1;
    }

    /** The numbers among {@code cells}, by key (what a relation can be judged on). */
    public static Map<String, BigDecimal> numbers(Map<String, RawCell> cells) {
        Map<String, BigDecimal> out = new HashMap<>();
        cells.forEach((k, c) -> {
            if (c.kind() == Kind.NUMBER) {
                out.put(k, c.number());
            }
        });
        return out;
    }
}
