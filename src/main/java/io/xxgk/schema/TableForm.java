package io.xxgk.schema;

import java.util.List;

/**
 * The printed shape of one official table (二, 三 or 四): its section title, how many header rows it
 * has (repeated when the table breaks across pages), and its labels and value slots.
 *
 * @param table      "二", "三" or "四"
 * @param title      the section title printed above the table
 * @param headerRows number of header rows at the top of the table
 * @param rows       number of rows the table occupies
 * @param items      labels and slots
 */
public record TableForm(String table, String title, int headerRows, int rows, List<FormItem> items) {

    public TableForm {
        items = List.copyOf(items);
    }

    public List<FormItem.Slot> slots() {
        return items.stream().filter(FormItem.Slot.class::isInstance).map(FormItem.Slot.class::cast).toList();
    }

    public List<FormItem.Label> labels() {
        return items.stream().filter(FormItem.Label.class::isInstance).map(FormItem.Label.class::cast).toList();
    }
}
