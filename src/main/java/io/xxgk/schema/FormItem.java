package io.xxgk.schema;

/**
 * One thing drawn on the grid of a table form: a label text or a value slot. Rows are relative to
 * the table's first row; columns are indexes into the layout's shared column grid (0 = A).
 */
public sealed interface FormItem permits FormItem.Label, FormItem.Slot {

    int row();

    int col();

    int lastRow();

    int lastCol();

    /** What a label is for; it decides its style. */
    enum Role {
        /** A block title spanning the table, e.g. 第二十条第（一）项. */
        BLOCK,
        /** A column header. */
        HEADER,
        /** A row label. */
        ROW,
        /** The explanatory note in table 三's top-left cell. */
        NOTE
    }

    /** An official label, possibly merged over several cells. Line breaks are part of the text. */
    record Label(int row, int col, int lastRow, int lastCol, String text, Role role) implements FormItem {
    }

    /** The cell where the number of {@code key} goes, merged over {@code col..lastCol} of one row. */
    record Slot(int row, int col, int lastCol, String key) implements FormItem {
        @Override
        public int lastRow() {
            return row;
        }
    }
}
