package io.xxgk.schema;

import io.xxgk.identity.Labels;
import io.xxgk.util.DisplayWidth;
import java.util.Map;

/**
 * Where a label of the official tables breaks when it is too wide for its column. Excel, WPS and
 * LibreOffice break Chinese text anywhere (社会公益组/织), each at another place as their fonts
 * differ; an explicit line break at a word's end prints the same in all of them. Readers lose
 * nothing: labels are compared without white space. The workbooks and the web page's form print
 * them so.
 */
public final class PrintedLabels {

    /** Labels that are no numbered item, broken at their words' ends. */
    private static final Map<String, String> WORDS = Map.of(
            "社会公益组织", "社会公益\n组织",
            "法律服务机构", "法律服务\n机构",
            "本年度办理结果", "本年度\n办理结果");

    private PrintedLabels() {
    }

    /** How the label {@code item} prints in {@code layout}'s grid: broken at word ends when in one column. */
    public static String of(Layout layout, FormItem.Label item) {
        if (item.col() != item.lastCol() || item.role() == FormItem.Role.NOTE) {
            return item.text();
        }
        return of(item.text(), capacity(layout.columnWidths().get(item.col()), 10));
    }

    /**
     * The characters of {@code points}-point text one line of a column {@code width} characters
     * wide holds, by Excel's measure (the narrowest of the three clients): a column is
     * {@code width} digits of 7 pixels plus 5, less the cell's margins; a Chinese character is as
     * wide as its point size, at 96 pixels an inch.
     */
    public static int capacity(double width, int points) {
        double pixels = width * 7 + 5 - 6;
        return (int) Math.floor(pixels / (points * 96.0 / 72.0));
    }

    /** {@code text} with line breaks where it would not fit {@code capacity} characters a line. */
    public static String of(String text, int capacity) {
        if (fits(text, capacity) || text.contains("\n")) {
            return text;
        }
        int prefix = numbering(text);
        if (prefix > 0 && prefix < text.length()) {
            return text.substring(0, prefix) + "\n" + of(text.substring(prefix), capacity);
        }
        return WORDS.getOrDefault(text, text);
    }

    public static boolean fits(String line, int capacity) {
        return DisplayWidth.of(line) <= 2 * capacity;
    }

    /** The length of a leading （三） or 三、, or 0. */
    private static int numbering(String text) {
        if (text.startsWith("（")) {
            int close = text.indexOf('）');
            return close > 0 && close <= 3 ? close + 1 : 0;
        }
        int mark = text.indexOf('、');
        return mark > 0 && mark <= 2 ? mark + 1 : 0;
    }
}
