package io.xxgk.schema;

import java.util.List;

/**
 * One number cell of a layout: its canonical key, where it sits in the official table, and the
 * official labels that name it.
 *
 * @param key      canonical key, e.g. {@code requests.denied_secret.business}
 * @param table    the table it belongs to ("二", "三", "四")
 * @param rowKey   the row part of the key ({@code denied_secret}; for table 二 the item)
 * @param colKey   the column part of the key ({@code business}; may be empty)
 * @param rowPath  the official row labels from the outermost to the innermost
 * @param colPath  the official column labels from the outermost to the innermost
 * @param type     count or amount
 */
public record CellDef(String key, String table, String rowKey, String colKey,
                      List<String> rowPath, List<String> colPath, ValueType type) {

    public CellDef {
        rowPath = List.copyOf(rowPath);
        colPath = List.copyOf(colPath);
    }

    /** The innermost row label, e.g. {@code 1.属于国家秘密}. */
    public String rowLabel() {
        return rowPath.get(rowPath.size() - 1);
    }

    /** The innermost column label, e.g. {@code 商业企业}. */
    public String colLabel() {
        return colPath.get(colPath.size() - 1);
    }

    /** A one-line label for people: row and column joined, labels without line breaks. */
    public String displayLabel() {
        String row = String.join(" / ", rowPath);
        String col = String.join(" / ", colPath);
        // Table 四 heads its columns with its groups (行政复议 / 尚未审结): the group is not said twice.
        if (!rowPath.isEmpty() && colPath.size() > rowPath.size() && colPath.subList(0, rowPath.size()).equals(rowPath)) {
            return col.replace("\n", "");
        }
        return (row + " × " + col).replace("\n", "");
    }
}
