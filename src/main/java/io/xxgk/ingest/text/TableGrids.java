package io.xxgk.ingest.text;

import io.xxgk.ingest.Grid;
import io.xxgk.ingest.RawCell;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * The tables of a web page or a Word file as one {@link Grid}, with their row and column spans as
 * merged regions, so they are located like a worksheet: a number's row and column come from the
 * table's structure, not from the order its cells are written in. Tables are stacked one under
 * another with an empty row between.
 */
final class TableGrids {

    static final String SHEET = "表格";
    /** More cells than this is no report's table (or hostile): the grid stops there. */
    private static final int MAX_CELLS = 200_000;
    private static final int MAX_SPAN = 200;
    /** Grid positions (spans included) beyond which the tables are no report's: the file is too large. */
    static final int MAX_AREA = 200_000;

    private TableGrids() {
    }

    /** The page's innermost tables (a layout table around the content is not one of them), or null. */
    static Grid html(Document doc) {
        Builder b = new Builder();
        for (Element table : doc.select("table")) {
            if (table.select("table").size() > 1) {
                continue;
            }
            b.startTable();
            List<Element> rows = table.select("tr");
            for (int r = 0; r < rows.size(); r++) {
                b.startRow();
                for (Element td : rows.get(r).children()) {
                    if (td.normalName().equals("td") || td.normalName().equals("th")) {
                        // A span reaches no further down than the table's last row (as browsers draw it).
                        b.cell(cellText(td), Math.min(span(td.attr("rowspan")), rows.size() - r), span(td.attr("colspan")));
                    }
                }
            }
        }
        return b.grid();
    }

    /** The document's tables, their merged cells (gridSpan, vMerge) as spans, or null. */
    static Grid word(XWPFDocument doc) {
        Builder b = new Builder();
        for (IBodyElement el : doc.getBodyElements()) {
            if (!(el instanceof XWPFTable table)) {
                continue;
            }
            b.startTable();
            List<XWPFTableRow> rows = table.getRows();
            for (int r = 0; r < rows.size(); r++) {
                b.startRow();
                List<XWPFTableCell> cells = rows.get(r).getTableCells();
                for (int c = 0; c < cells.size(); c++) {
                    XWPFTableCell cell = cells.get(c);
                    if (continuesAbove(cell)) {
                        b.skipColumns(gridSpan(cell));
                        continue;
                    }
                    int down = 1;
                    if (restartsBelow(cell)) {
                        int col = b.columnOf(c, cells);
                        down = rowsMergedBelow(rows, r, col);
                    }
                    b.cell(cell.getText().replaceAll("\\s+", " ").strip(), down, gridSpan(cell));
                }
            }
        }
        return b.grid();
    }

    private static String cellText(Element td) {
        return td.wholeText().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static int span(String attr) {
        try {
            int n = Integer.parseInt(attr.strip());
            return Math.max(1, Math.min(n, MAX_SPAN));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int gridSpan(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        BigInteger v = pr.getGridSpan().getVal();
        return Math.max(1, Math.min(v.intValue(), MAX_SPAN));
    }

    private static boolean continuesAbove(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr != null && pr.getVMerge() != null
                && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
    }

    private static boolean restartsBelow(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr != null && pr.getVMerge() != null && pr.getVMerge().getVal() == STMerge.RESTART;
    }

    /** How many rows a vertically merged cell starting at (r, grid column col) covers. */
    private static int rowsMergedBelow(List<XWPFTableRow> rows, int r, int col) {
        int n = 1;
        for (int below = r + 1; below < rows.size() && n < MAX_SPAN; below++) {
            XWPFTableCell c = cellAtGridColumn(rows.get(below), col);
            if (c == null || !continuesAbove(c)) {
                break;
            }
            n++;
        }
        return n;
    }

    private static XWPFTableCell cellAtGridColumn(XWPFTableRow row, int col) {
        int at = 0;
        for (XWPFTableCell c : row.getTableCells()) {
            if (at == col) {
                return c;
            }
            at += gridSpan(c);
            if (at > col) {
                return null;
            }
        }
        return null;
    }

    /** Tables spanning more grid positions than any report's ({@link #MAX_AREA}). */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long area) {
            super("tables over " + MAX_AREA + " cells (" + area + " with their spans)");
        }
    }

    /** Places cells the way HTML places them: each in the first column not covered by a span from above. */
    private static final class Builder {
        private final Grid grid = new Grid(SHEET);
        private final Set<Long> covered = new HashSet<>();
        private int row = -1;
        private int col;
        private int tableStart;
        private int tableNumber;
        private int cells;
        private boolean any;

        void startTable() {
            tableNumber++;
            // An empty row between two tables.
            row = row < 0 ? -1 : row + 1;
            tableStart = row + 1;
        }

        void startRow() {
            row++;
            col = 0;
        }

        /** The grid column of a Word cell: the spans before it in its row. */
        int columnOf(int index, List<XWPFTableCell> rowCells) {
            int at = 0;
            for (int i = 0; i < index; i++) {
                at += gridSpan(rowCells.get(i));
            }
            return at;
        }

        void skipColumns(int n) {
            col += n;
        }

        void cell(String text, int rowSpan, int colSpan) {
            if (++cells > MAX_CELLS) {
                return;
            }
            while (covered.contains(key(row, col))) {
                col++;
            }
            if (covered.size() + (long) rowSpan * colSpan > MAX_AREA) {
                throw new TooLarge(covered.size() + (long) rowSpan * colSpan);
            }
            for (int r = row; r < row + rowSpan; r++) {
                for (int c = col; c < col + colSpan; c++) {
                    covered.add(key(r, c));
                }
            }
            if (rowSpan > 1 || colSpan > 1) {
                grid.merge(row, row + rowSpan - 1, col, col + colSpan - 1);
            }
            if (!text.isEmpty()) {
                String sheet = SHEET + tableNumber;
                String a1 = "第" + (row - tableStart + 1) + "行第" + (col + 1) + "列";
                BigDecimal n = Tokenizer.number(text);
                grid.put(row, col, n != null ? new RawCell(RawCell.Kind.NUMBER, n, null, false, sheet, a1)
                        : new RawCell(RawCell.Kind.TEXT, null, text, false, sheet, a1));
                any = true;
            }
            col += colSpan;
        }

        Grid grid() {
            if (!any) {
                return null;
            }
            grid.locatedBy((r, c) -> {
                RawCell cell = grid.at(grid.regionOf(r, c).firstRow(), grid.regionOf(r, c).firstCol());
                return cell != null ? cell.location() : SHEET + "!第" + (r + 1) + "行第" + (c + 1) + "列";
            });
            return grid;
        }

        private static long key(int r, int c) {
            return ((long) r << 32) | (c & 0xffffffffL);
        }
    }
}
