package io.xxgk.excel;

import io.xxgk.analysis.Analysis;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary's sheet 各单位指标: every agency merged, one row each, by 公开率 (the ranking of 分析, small
 * bases after the others and unranked), with its other figures beside it — 予以公开率, 纠错率 and its base,
 * 新收申请 — and, with last year's reports, its 办结 and 公开率 last year and the change (说明 says why a place
 * or last year's figures are missing). A list to sort and
 * filter; at 10,000 agencies it is written as {@link DetailSheet} is, on its own thread.
 */
final class AgencySheet {

    static final String SHEET = "各单位指标";

    private AgencySheet() {
    }

    /** The columns: name, width in characters. */
    private static List<String[]> columns(boolean lastYear) {
        List<String[]> c = new ArrayList<>(List.of(new String[] {"名次（按公开率）", "9"}, new String[] {"单位", "30"},
                new String[] {"办结（件）", "11"}, new String[] {"公开率（%）", "11"}, new String[] {"予以公开率（%）", "12"},
                new String[] {"复议诉讼纠错率（%）", "14"}, new String[] {"复议诉讼已审结（件）", "14"},
                new String[] {"新收申请（件）", "12"}));
        if (lastYear) {
            c.addAll(List.of(new String[] {"办结·上年（件）", "12"}, new String[] {"公开率·上年（%）", "12"},
                    new String[] {"公开率变化（百分点）", "14"}));
        }
        c.addAll(List.of(new String[] {"文件", "40"}, new String[] {"说明", "30"}));
        return c;
    }

    /**
     * Writes the sheet to {@code file}; {@code lastYear}: last year's reports were given (its columns are
     * there, empty for an agency without one); {@code headerStyle}: the header row's cell style index.
     */
    static SheetPart.Written write(Path file, Analysis a, boolean lastYear, int headerStyle) throws IOException {
        List<String[]> columns = columns(lastYear);
        Map<Integer, Integer> widths = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            widths.put(c, Integer.parseInt(columns.get(c)[1]));
        }
        SheetPart.Form form = new SheetPart.Form(1 + a.agencies().size(), columns.size() - 1, 1, 2, widths, true);
        try (SheetPart part = new SheetPart(file, form)) {
            part.row(1, 45);
            for (int c = 0; c < columns.size(); c++) {
                part.text(c, columns.get(c)[0], headerStyle);
            }
            int n = 2;
            int place = 0;
            for (Analysis.Agency agency : a.agencies()) {
                Analysis.Ranked r = agency.disclosure();
                part.row(n++);
                if (r.rate().value() != null && !r.rate().smallBase()) {
                    part.number(0, ++place);
                } else {
                    part.text(0, "—");
                }
                part.text(1, r.agency() == null ? "" : r.agency());
                part.decimal(2, r.closed());
                rate(part, 3, r.rate().value());
                int c = 4;
                for (int i = 0; i < agency.others().size(); i++) {
                    Analysis.Ranked o = agency.others().get(i);
                    String id = a.rankings().get(i).id();
                    if (id.equals("correction.all")) {
                        rate(part, c++, o.rate().value());
                        part.decimal(c++, o.closed()); // its base: the cases decided
                    } else if (o.rate().rate()) {
                        rate(part, c++, o.rate().value());
                    } else {
                        part.decimal(c++, o.rate().value());
                    }
                }
                List<String> notes = new ArrayList<>();
                if (r.rate().note() != null) {
                    notes.add(r.rate().note());
                }
                if (lastYear) {
                    Analysis.AgencyYear y = agency.year();
                    if (y != null) {
                        part.decimal(c, y.lastYear().get("requests.closed"));
                        BigDecimal now = y.now().get("rate.disclosed");
                        BigDecimal last = y.lastYear().get("rate.disclosed");
                        rate(part, c + 1, last);
                        rate(part, c + 2, now == null || last == null ? null : now.subtract(last));
                    } else {
                        notes.add("无上年报表");
                    }
                    c += 3;
                }
                part.text(c, r.file());
                part.text(c + 1, String.join("；", notes));
            }
            return part.finish();
        }
    }

    /** A rate in percent, or "—" for none (a base of 0). */
    private static void rate(SheetPart part, int col, BigDecimal v) {
        if (v == null) {
            part.text(col, "—");
        } else {
            part.decimal(col, v);
        }
    }
}
