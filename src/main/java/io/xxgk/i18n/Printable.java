package io.xxgk.i18n;

import java.util.Locale;

/**
 * Text from files (agency names, paths) made safe to show: every character that shows nothing or
 * changes how the rest shows (control characters, bidi overrides, zero-width marks) written as its
 * {@code \\uXXXX} escape. Below every other package: messages render their arguments through it.
 */
public final class Printable {

    private Printable() {
    }

    public static String of(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (hidden(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** True for a character that shows nothing or changes how the rest shows. */
    public static boolean hidden(char c) {
        return Character.getType(c) == Character.CONTROL
                || c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2060' && c <= '\u2069' || c == '\uFEFF' || c == '\u061C';
    }
}
