package io.xxgk.ingest;

import io.xxgk.identity.Labels;
import java.util.List;

/**
 * Recognises which official layout a report uses by labels only that layout has, so the numbers of
 * one layout are never forced into the keys of another: the 2019 layout's table 二 has 本年新制作数量,
 * 上一年项目数量, 政府集中采购…; the 2021 layout's has 本年制发件数, 现行有效件数… and its table 三 splits
 * (六)其他处理 into three rows.
 */
public final class LayoutSniffer {

    private static final List<String> MARKERS_2019 = List.of("本年新制作数量", "本年新公开数量", "对外公开总数量",
            "上一年项目数量", "采购项目数量", "政府集中采购", "其他对外管理服务事项");
    private static final List<String> MARKERS_2021 = List.of("本年制发件数", "本年废止件数", "现行有效件数",
            "本年处理决定数量", "本年收费金额", "申请人无正当理由逾期不补正");

    private LayoutSniffer() {
    }

    /** The layout the texts show ("2019" or "2021"), or null when they do not tell. */
    public static String layoutOf(Iterable<String> texts) {
        int hits2019 = 0;
        int hits2021 = 0;
        for (String t : texts) {
            String n = Labels.normalize(t);
            hits2019 += count(n, MARKERS_2019);
            hits2021 += count(n, MARKERS_2021);
        }
        if (hits2019 >= 2 && hits2019 > hits2021) {
            return "2019";
        }
        if (hits2021 >= 2 && hits2021 > hits2019) {
            return "2021";
        }
        return null;
    }

    /** The layout the texts show when it is not {@code expected}, else null. */
    public static String otherLayout(Iterable<String> texts, String expected) {
        String found = layoutOf(texts);
        return found != null && !found.equals(expected) ? found : null;
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
