package io.xxgk.ingest;

import java.util.List;

/**
 * Recognises a layout other than the ones we read by its labels, so its numbers are never forced
 * into the keys of another layout: the 2019 layout (国办公开办函〔2019〕60号) has 本年新制作数量,
 * 上一年项目数量 and 政府集中采购 in its table 二, which the 2021 layout does not.
 */
public final class LayoutSniffer {

    private static final List<String> MARKERS_2019 = List.of("本年新制作数量", "本年新公开数量", "对外公开总数量",
            "上一年项目数量", "采购项目数量", "政府集中采购");

    private LayoutSniffer() {
    }

    /** "2019" when the texts show the 2019 layout, else null. */
    public static String otherLayout(Iterable<String> texts) {
        int hits = 0;
        for (String t : texts) {
            String n = Labels.normalize(t);
            for (String m : MARKERS_2019) {
                if (n.contains(m)) {
                    hits++;
                }
            }
        }
        return hits >= 2 ? "2019" : null;
    }
}
