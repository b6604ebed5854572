package io.xxgk.util;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns agency names into file names that every system accepts: no path separators, nothing
 * Windows refuses, no reserved device names, not too long, and no two alike (ignoring case).
 */
public final class SafeFileNames {

    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\..*)?");
    /** Characters, not bytes: 80 CJK characters are 240 bytes in UTF-8, within every file system's 255. */
    static final int MAX_LENGTH = 80;

    private final Set<String> taken = new HashSet<>();

    /** A new, unused file name {@code <safe name><extension>}, e.g. {@code 某某局.xlsx}. */
    public String next(String name, String extension) {
        String base = clean(name);
        String candidate = base + extension;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "-" + n + extension;
        }
        return candidate;
    }

    static String clean(String name) {
        StringBuilder visible = new StringBuilder();
        (name == null ? "" : name).chars().filter(c -> !Texts.hidden((char) c) || c < 0x20)
                .forEach(c -> visible.append((char) c));
        // Direction overrides, zero-width characters and BOMs dropped: "甲\u202Exslx.exe" must not look like .xlsx.
        String s = FORBIDDEN.matcher(visible).replaceAll("_").strip();
        // Windows drops trailing dots and spaces; a leading dot hides the file on Unix.
        s = s.replaceAll("[. ]+$", "").replaceAll("^[. ]+", "");
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH));
        }
        if (s.isEmpty()) {
            s = "单位";
        }
        if (RESERVED.matcher(s).matches()) {
            s = "_" + s;
        }
        return s;
    }
}
