package io.xxgk.check;

import io.xxgk.finding.Rule;
import io.xxgk.ingest.RawCell;
import io.xxgk.schema.ValueType;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw cell into a number, the way FORMAT.md and issue 3 say: exact numbers; numbers typed
 * as text accepted with a warning; blanks and placeholder marks ("/", "—", "无") empty with a
 * warning; anything else an error. Never a guess.
 */
public final class ValueParser {

    /** The outcome: a value (null = empty or unusable) and the problem, if any. */
    public record Parsed(BigDecimal value, Rule rule, String messageKey, String shown) {
        public boolean usable() {
            return rule != Rule.VAL_NUM;
        }
    }

    private static final Set<String> EMPTY_MARKS = Set.of("/", "-", "—", "——", "–", "无", "空", "\\");
    private static final Pattern PLAIN = Pattern.compile("[+]?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** Whole digits a value may have (a long holds 18 safely). */
    static final int MAX_DIGITS = 15;

    private ValueParser() {
    }

    public static Parsed parse(RawCell raw, ValueType type) {
        return switch (raw.kind()) {
            case BLANK -> new Parsed(null, Rule.VAL_BLANK, "finding.valBlank", "");
            case ERROR -> new Parsed(null, Rule.VAL_NUM, "finding.valNum.error", raw.text());
            case BOOLEAN -> new Parsed(null, Rule.VAL_NUM, "finding.valNum.text", raw.text());
            case NUMBER -> checkRange(raw.number(), type, null, null);
            case TEXT -> parseText(raw.text(), type);
        };
    }

    /** A count with a note after it in brackets: 22（其中修订16件）, 55(含自然失效29件). */
    static final Pattern NOTE = Pattern.compile("([+]?\\d[\\d,]*(?:\\.\\d+)?)[(（]([^()（）]{1,60})[)）]");
    private static final Pattern SIGNED_WORD = Pattern.compile("([增减])(\\d+)");
    private static final Pattern YUAN = Pattern.compile("(\\d+(?:\\.\\d+)?)元");
    private static final Pattern WANYUAN = Pattern.compile("(\\d+(?:\\.\\d+)?)万元");

    private static Parsed parseText(String text, ValueType type) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]+", "");
        if (s.isEmpty()) {
            return new Parsed(null, Rule.VAL_BLANK, "finding.valBlank", "");
        }
        if (EMPTY_MARKS.contains(s)) {
            return new Parsed(null, Rule.VAL_BLANK, "finding.valBlankMark", text.strip());
        }
        Matcher signed = SIGNED_WORD.matcher(s);
        if (type == ValueType.SIGNED && signed.matches()) {
            BigDecimal v = new BigDecimal(signed.group(2));
            return checkRange(signed.group(1).equals("减") ? v.negate() : v, type, text.strip(), "finding.valText");
        }
        if (type == ValueType.AMOUNT) {
            Matcher wan = WANYUAN.matcher(s);
            if (wan.matches()) {
                return checkRange(new BigDecimal(wan.group(1)), type, text.strip(), "finding.valText");
            }
            Matcher yuan = YUAN.matcher(s);
            if (yuan.matches()) {
                // 元 written where 万元 belong: converted, and said so.
                BigDecimal v = new BigDecimal(yuan.group(1)).movePointLeft(4);
                Parsed p = checkRange(v, type, text.strip(), null);
                return p.usable() && p.value() != null
                        ? new Parsed(p.value(), Rule.VAL_UNIT, "finding.valUnit", text.strip()) : p;
            }
        }
        Matcher note = NOTE.matcher(s);
        if (note.matches()) {
            // 22（其中修订16件）: the count is the leading number; the note is quoted in a warning.
            Parsed p = parseText(note.group(1), type);
            return p.value() != null && p.usable() ? new Parsed(p.value(), Rule.VAL_NOTE, "finding.valNote", text.strip()) : p;
        }
        String digits = s.replace('，', ',');
        if (GROUPED.matcher(digits).matches()) {
            digits = digits.replace(",", "");
        }
        if (PLAIN.matcher(digits).matches() || digits.matches("-\\d+(\\.\\d+)?")) {
            BigDecimal v = new BigDecimal(digits);
            return checkRange(v, type, text.strip(), "finding.valText");
        }
        return new Parsed(null, Rule.VAL_NUM, "finding.valNum.text", text.strip());
    }

    /** {@code shown}: the cell's text, or null for a number (then its decimal, made only when needed). */
    private static Parsed checkRange(BigDecimal v, ValueType type, String shown, String textKey) {
        if (v.precision() - v.scale() > MAX_DIGITS) {
            // No count or amount of one agency's year has that many digits: a slip or a hostile file.
            return new Parsed(null, Rule.VAL_NUM, "finding.valNum.tooLarge", shown(v, shown).length() > 40
                    ? shown(v, shown).substring(0, 40) + "…" : shown(v, shown));
        }
        if (v.signum() < 0 && type != ValueType.SIGNED) {
            return new Parsed(null, Rule.VAL_NUM, "finding.valNum.negative", shown(v, shown));
        }
        if (v.scale() == 0) {
            // A whole number as read (the usual case): nothing to strip.
            return textKey == null ? new Parsed(v, null, null, shown) : new Parsed(v, Rule.VAL_TEXT, textKey, shown);
        }
        if (type != ValueType.AMOUNT && v.stripTrailingZeros().scale() > 0) {
            return new Parsed(null, Rule.VAL_NUM, "finding.valNum.fraction", shown(v, shown));
        }
        BigDecimal clean = v.stripTrailingZeros();
        if (clean.scale() < 0) {
            clean = clean.setScale(0);
        }
        return textKey == null ? new Parsed(clean, null, null, shown) : new Parsed(clean, Rule.VAL_TEXT, textKey, shown);
    }

    private static String shown(BigDecimal v, String shown) {
        return shown != null ? shown : v.toPlainString();
    }
}
