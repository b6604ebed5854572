package io.xxgk.util;

/** Width of text on a terminal or in a spreadsheet column: CJK and full-width characters count two. */
public final class DisplayWidth {

    private DisplayWidth() {
    }

    public static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** {@code s} padded with spaces on the right to {@code width} display columns. */
    public static String padRight(String s, int width) {
        int pad = width - of(s);
        return pad <= 0 ? s : s + " ".repeat(pad);
    }
}
