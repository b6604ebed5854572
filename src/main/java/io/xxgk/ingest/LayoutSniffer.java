package io.xxgk.ingest;

import io.xxgk.identity.Labels;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.util.List;

/**
 * Recognises which official layout a report uses by the labels only that layout has (each layout's
 * {@link Layout#markers}), so the numbers of one layout are never forced into the keys of another:
 * the 2019 layout's table 二 has 本年新制作数量, 上一年项目数量, 政府集中采购…; the 2021 layout's has
 * 本年制发件数, 现行有效件数… and its table 三 splits (六)其他处理 into three rows.
 */
public final class LayoutSniffer {

    private LayoutSniffer() {
    }

    /** The layout the texts show (at least two of its markers, more than any other's), or null when they do not tell. */
    public static Layout layoutOf(Iterable<String> texts) {
        List<Layout> layouts = Layouts.all();
        int[] hits = new int[layouts.size()];
        for (String t : texts) {
            String n = Labels.normalize(t);
            for (int i = 0; i < hits.length; i++) {
                hits[i] += count(n, layouts.get(i).markers());
            }
        }
        int best = -1;
        boolean tie = false;
        for (int i = 0; i < hits.length; i++) {
            if (best < 0 || hits[i] > hits[best]) {
                best = i;
                tie = false;
            } else if (hits[i] == hits[best]) {
                tie = true;
            }
        }
        return best >= 0 && !tie && hits[best] >= 2 ? layouts.get(best) : null;
    }

    /** The layout the texts show when it is not {@code expected}, else null. */
    public static Layout otherLayout(Iterable<String> texts, Layout expected) {
        Layout found = layoutOf(texts);
        return found != null && !found.id().equals(expected.id()) ? found : null;
    }

    private static int count(String text, List<String> markers) {
        int n = 0;
        for (String m : markers) {
            if (text.contains(m)) {
                n++;
            }
        }
        return n;
    }
}
