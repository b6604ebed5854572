package io.xxgk.excel;

import java.util.List;
import org.apache.poi.ss.util.CellReference;

/** Small helpers that turn cell positions into formula text. */
final class Refs {

    private Refs() {
    }

    static String a1(int row, int col) {
        return new CellReference(row, col).formatAsString();
    }

    static String abs(int row, int col) {
        return new CellReference(row, col, true, true).formatAsString();
    }

    /**
     * {@code SUM(...)} over the given cells: a range when they form one contiguous row or column
     * run, else a list.
     */
    static String sum(List<int[]> cells, boolean absolute) {
        if (cells.size() > 1 && contiguous(cells)) {
            int[] first = cells.get(0);
            int[] last = cells.get(cells.size() - 1);
            return "SUM(" + ref(first, absolute) + ":" + ref(last, absolute) + ")";
        }
        StringBuilder sb = new StringBuilder("SUM(");
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ref(cells.get(i), absolute));
        }
        return sb.append(')').toString();
    }

    private static String ref(int[] rc, boolean absolute) {
        return absolute ? abs(rc[0], rc[1]) : a1(rc[0], rc[1]);
    }

    private static boolean contiguous(List<int[]> cells) {
        boolean sameRow = true;
        boolean sameCol = true;
        for (int i = 1; i < cells.size(); i++) {
            int[] prev = cells.get(i - 1);
            int[] cur = cells.get(i);
            sameRow &= cur[0] == prev[0] && cur[1] == prev[1] + 1;
            sameCol &= cur[1] == prev[1] && cur[0] == prev[0] + 1;
        }
        return sameRow || sameCol;
    }
}
