package io.xxgk.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How labels are compared: full- and half-width forms alike, no spaces or line breaks, no quotes,
 * and the common typo 本年度止件数 read as 本年废止件数.
 */
public final class Labels {

    private Labels() {
    }

    private static final Pattern LABEL_TAIL = Pattern.compile("(\\((单位:)?(万元|件)\\))?:?$");

    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u00A0\\u3000]+", "")
                .replaceAll("[\"'“”‘’「」]", "")
                .replace('【', '[').replace('】', ']')
                .replace("、", ",").replace("，", ",");
        // Sub-rows numbered 1、2、 (顿号) like 1. 2.
        n = n.replaceFirst("^(\\d+),", "$1.");
        // A colon after a label (行政许可：) and the official unit (行政事业性收费（万元）, （件）) are no part of
        // it; another unit (（元）) stays, so that such a label is not taken for the official one.
        n = LABEL_TAIL.matcher(n).replaceFirst("");
        return n.replace("本年度止件数", "本年废止件数");
    }

    /** The label without its numbering (一、 (三) 1.), or the label itself when it has none. */
    public static String withoutNumbering(String normalized) {
        return normalized.replaceFirst("^(\\([一二三四五六七八九十]+\\)|[一二三四五六七八九十]+,|\\d+[.．])", "");
    }

    /** Other names published reports use for an official label. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "行政规范性文件", List.of("规范性文件"));

    /** True when {@code cellText} names {@code label}: equal, or equal without numbering when long enough. */
    public static boolean matches(String cellText, String label) {
        String a = normalize(cellText);
        String b = normalize(label);
        if (a.equals(b) || ALIASES.getOrDefault(b, List.of()).contains(a)) {
            return true;
        }
        String a2 = withoutNumbering(a);
        String b2 = withoutNumbering(b);
        return b2.length() >= 4 && a2.equals(b2);
    }

    /** What may stand before a table's title words when it is not the official number: 附表1：, 表一, 一、, 1. */
    private static final Pattern TITLE_PREFIX =
            Pattern.compile("(附表|附件|表)?([0-9]+|[一二三四五六七八九十]+)?[,.:\\-]?");
    /** …and after them: 统计表, 表, a colon. */
    private static final Pattern TITLE_SUFFIX = Pattern.compile("(统计)?表?:?");

    /** How a text names a table's title: not at all, under another number, or as the official title. */
    public enum TitleMatch { NONE, RENUMBERED, OFFICIAL }

    /**
     * How {@code normalized} names the table titled {@code official} (both as {@link #normalize}
     * gives them: 二,主动公开政府信息情况): as that title, or with the same words after
     * 一、, 附表1：, 表一 or no number, as reports that print the tables after the six narrative
     * sections do. Not "(二)…", which is how narratives number their own headings.
     */
    public static TitleMatch title(String normalized, String official) {
        if (normalized.equals(official)) {
            return TitleMatch.OFFICIAL;
        }
        for (String words : titleWords(official)) {
            int at = normalized.indexOf(words);
            if (at >= 0 && TITLE_PREFIX.matcher(normalized.substring(0, at)).matches()
                    && TITLE_SUFFIX.matcher(normalized.substring(at + words.length())).matches()) {
                return TitleMatch.RENUMBERED;
            }
        }
        return TitleMatch.NONE;
    }

    /** Other words real reports title a table with (table 四 under the 2019 form's wording in later years). */
    private static final Map<String, List<String>> TITLE_ALIASES = Map.of(
            "政府信息公开行政复议,行政诉讼情况", List.of("因政府信息公开工作被申请行政复议,提起行政诉讼情况"));

    /** The words of a table's title without its number (normalized), and the other words reports use for it. */
    public static List<String> titleWords(String official) {
        String words = withoutNumbering(official);
        List<String> out = new ArrayList<>();
        out.add(words);
        out.addAll(TITLE_ALIASES.getOrDefault(words, List.of()));
        return out;
    }

    /**
     * How close a printed label is to an official one, 0 to 1: the share of characters they have in
     * common in order (longest common subsequence over the longer), without spaces and numbering.
     * Only labels with the same numbering (2. and 2.) compare; others are 0.
     */
    public static double likeness(String cellText, String label) {
        String a = normalize(cellText);
        String b = normalize(label);
        String a2 = withoutNumbering(a);
        String b2 = withoutNumbering(b);
        String na = a.substring(0, a.length() - a2.length());
        String nb = b.substring(0, b.length() - b2.length());
        if (!na.equals(nb) || na.isEmpty() || b2.length() < 4 || a2.isEmpty()) {
            return 0;
        }
        return similarity(a2, b2);
    }

    /** The longest common subsequence of two normalised labels over the longer one's length, 0 to 1. */
    public static double similarity(String a2, String b2) {
        if (a2.isEmpty() || b2.isEmpty()) {
            return 0;
        }
        int[] prev = new int[b2.length() + 1];
        int[] cur = new int[b2.length() + 1];
        for (int i = 1; i <= a2.length(); i++) {
            for (int j = 1; j <= b2.length(); j++) {
                cur[j] = a2.charAt(i - 1) == b2.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return (double) prev[b2.length()] / Math.max(a2.length(), b2.length());
    }
}
