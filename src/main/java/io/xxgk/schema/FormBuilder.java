package io.xxgk.schema;

import java.util.ArrayList;
import java.util.List;

/** Collects the labels and slots of one table form; used by layout definitions. */
final class FormBuilder {

    private final List<FormItem> items = new ArrayList<>();
    private int rows;

    FormBuilder label(int row, int col, int lastRow, int lastCol, String text, FormItem.Role role) {
        items.add(new FormItem.Label(row, col, lastRow, lastCol, text, role));
        rows = Math.max(rows, lastRow + 1);
        return this;
    }

    FormBuilder label(int row, int col, int lastCol, String text, FormItem.Role role) {
        return label(row, col, row, lastCol, text, role);
    }

    FormBuilder slot(int row, int col, int lastCol, String key) {
        items.add(new FormItem.Slot(row, col, lastCol, key));
        rows = Math.max(rows, row + 1);
        return this;
    }

    TableForm build(String table, String title, int headerRows) {
        return new TableForm(table, title, headerRows, rows, items);
    }
}
