package io.xxgk.finding;

import io.xxgk.i18n.Messages;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A problem in the data, found by a rule: where it is, what was expected and found, and a message
 * rendered in the user's language from a template with placeholders.
 *
 * @param rule     stable rule id, e.g. {@code T3-BAL}
 * @param severity error, warning or info
 * @param file     the input file as given
 * @param cell     {@code sheet!A1}, or null when the finding is about the whole file
 * @param key      the cell key, or null
 * @param expected the expected value, or null
 * @param actual   the value found, or null
 * @param messageKey message template key in the bundles
 * @param args     the template's arguments
 */
public record Finding(String rule, Severity severity, String file, String cell, String key,
                      BigDecimal expected, BigDecimal actual, String messageKey, List<Object> args) {

    public Finding {
        args = List.copyOf(args);
    }

    /** A finding of {@code rule}, with the rule's severity. */
    public static Finding of(Rule rule, String file, String cell, String key, BigDecimal expected, BigDecimal actual,
                             String messageKey, List<Object> args) {
        return new Finding(rule.id(), rule.severity(), file, cell, key, expected, actual, messageKey, args);
    }

    /** The same finding about {@code newFile} (the name a person gave the file). */
    public Finding withFile(String newFile) {
        return new Finding(rule, severity, newFile, cell, key, expected, actual, messageKey, args);
    }

    /** The same finding at another cell (the same key's cell in another workbook), or at none. */
    public Finding atCell(String newCell) {
        return new Finding(rule, severity, file, newCell, key, expected, actual, messageKey, args);
    }

    /** Deterministic order: file, severity, then position in the layout (given by the caller), rule. */
    public static Comparator<Finding> order(ToIntFunction<String> keyOrder) {
        return Comparator.comparing(Finding::file)
                .thenComparing(Finding::severity)
                .thenComparingInt(f -> f.key() == null ? -1 : keyOrder.applyAsInt(f.key()))
                .thenComparing(Finding::rule)
                .thenComparing(f -> f.cell() == null ? "" : f.cell());
    }

    public BigDecimal difference() {
        return expected == null || actual == null ? null : actual.subtract(expected);
    }

    public String message() {
        return Messages.get(messageKey, args.toArray());
    }
}
