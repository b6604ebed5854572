package io.xxgk.ingest.text;

import java.math.BigDecimal;

/**
 * One cell of a report's text: a label, a number or an empty cell the layout shows (an empty tab
 * field, a line holding only spaces), with its line number and whether it ends its line.
 */
record Token(Kind kind, String text, BigDecimal number, int line) {

    /** A label, a plain number, a value written with a sign word or unit ("减4", "251000元"), an empty cell. */
    enum Kind { TEXT, NUMBER, VALUE_TEXT, EMPTY, GLUED }

    static Token text(String s, int line) {
        return new Token(Kind.TEXT, s, null, line);
    }

    static Token number(BigDecimal n, String shown, int line) {
        return new Token(Kind.NUMBER, shown, n, line);
    }

    static Token valueText(String s, int line) {
        return new Token(Kind.VALUE_TEXT, s, null, line);
    }

    /** Digits that ran into the label before them ("…申请数量801000081"): one or several numbers. */
    static Token glued(String digits, int line) {
        return new Token(Kind.GLUED, digits, null, line);
    }

    static Token empty(int line) {
        return new Token(Kind.EMPTY, "", null, line);
    }

    boolean isValue() {
        return kind != Kind.TEXT;
    }
}
