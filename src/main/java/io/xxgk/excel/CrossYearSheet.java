package io.xxgk.excel;

import io.xxgk.merge.CarryLine;
import io.xxgk.merge.MergeResult;
import io.xxgk.schema.CarryDef;
import io.xxgk.schema.Layout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary's sheet 跨年核对 (with last year's reports): per merged agency, last year's 结转下年度 against
 * this year's 上年结转, column by column, and the verdict (不符 and 年度不连续 filled rose). A row per agency: at
 * 10,000 it is written as {@link DetailSheet} is, on its own thread.
 */
final class CrossYearSheet {

    static final String SHEET = "跨年核对";

    private CrossYearSheet() {
    }

    /** Writes the sheet to {@code file}; the header row in {@code headerStyle}, a verdict to look at in {@code problemStyle}. */
    static SheetPart.Written write(Path file, MergeResult r, int headerStyle, int problemStyle) throws IOException {
        Layout layout = r.layout();
        List<String> head = new ArrayList<>(List.of("单位", "本年文件", "上年文件", "结论"));
        for (CarryDef cd : layout.carries()) {
            String col = layout.cell(cd.thisYear()).orElseThrow().colLabel();
            head.add(col + "：上年结转下年");
            head.add(col + "：本年上年结转");
        }
        Map<Integer, Integer> widths = new HashMap<>(Map.of(0, 30, 1, 36, 2, 36, 3, 12));
        for (int c = 4; c < head.size(); c++) {
            widths.put(c, 16);
        }
        List<CarryLine> lines = r.carry();
        SheetPart.Form form = new SheetPart.Form(1 + lines.size(), head.size() - 1, 1, 0, widths, true);
        try (SheetPart part = new SheetPart(file, form)) {
            // Two lines: "法律服务机构：上年结转下年" is wider than its column (it printed as "转下年").
            part.row(1, 32);
            for (int c = 0; c < head.size(); c++) {
                part.text(c, head.get(c), headerStyle);
            }
            int n = 2;
            for (CarryLine line : lines) {
                part.row(n++);
                part.text(0, line.input().name());
                part.text(1, line.input().file());
                part.text(2, line.lastYear() == null ? "" : line.lastYear().file());
                String verdict = line.lastYear() == null ? "无上年报表"
                        : line.findings().stream().anyMatch(f -> f.rule().equals("Y-YEAR")) ? "年度不连续"
                        : line.findings().stream().anyMatch(f -> f.rule().equals("Y-CARRY")) ? "不符" : "相符";
                part.text(3, verdict, verdict.equals("相符") || verdict.equals("无上年报表") ? 0 : problemStyle);
                if (line.lastYear() == null) {
                    continue; // nothing to compare: no numbers (they read as zeros compared with nothing)
                }
                int col = 4;
                for (CarryDef cd : layout.carries()) {
                    BigDecimal last = line.lastYear().values().get(cd.lastYear());
                    BigDecimal now = line.input().value(layout, layout.indexOf(cd.thisYear()));
                    part.decimal(col, last == null ? BigDecimal.ZERO : last);
                    part.decimal(col + 1, now == null ? BigDecimal.ZERO : now);
                    col += 2;
                }
            }
            return part.finish();
        }
    }
}
