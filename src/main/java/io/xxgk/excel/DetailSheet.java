package io.xxgk.excel;

import io.xxgk.merge.MergeInput;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sheet 明细: one row per input (identity, file, status, error and warning counts, then every
 * value by key); the first header row holds the official labels, the second the cell keys.
 */
final class DetailSheet {

    /** The columns before the values, as their headers. */
    static final List<String> HEAD = List.of("序号", IdentityField.NAME.label(), IdentityField.CREDIT_CODE.label(),
            IdentityField.REGION_CODE.label(), IdentityField.PARENT.label(), IdentityField.YEAR.label(), "文件",
            "状态", "错误数", "警告数");
    static final int LEAD = HEAD.size();
    private static final int HEADER_ROWS = 2;

    /**
     * The label row is tall enough for the longest official label wrapped in its column (规章 vs
     * 规范性文件 must show): value columns narrow enough for twelve to a printed page (SheetPart.WIDE_SCALE).
     */
    private static final double LABEL_ROW_HEIGHT = 165;

    private DetailSheet() {
    }

    /** Names and files wide, a value column wide enough for five CJK characters a line. */
    private static Map<Integer, Integer> widths(int values) {
        Map<Integer, Integer> w = new HashMap<>(Map.of(0, 6, 1, 30, 2, 20, 3, 10, 4, 16, 5, 8, 6, 30, 7, 16, 8, 8, 9, 8));
        for (int i = 0; i < values; i++) {
            w.put(LEAD + i, 11);
        }
        return w;
    }

    /** Writes the sheet to {@code file}; {@code headerStyle}: the cell style index of the label row. */
    static SheetPart.Written write(Path file, List<MergeInput> inputs, Layout layout, int headerStyle)
            throws IOException {
        List<CellDef> cells = layout.cells();
        SheetPart.Form form = new SheetPart.Form(HEADER_ROWS + inputs.size(), LEAD + cells.size() - 1, HEADER_ROWS, 2,
                widths(cells.size()), false);
        try (SheetPart part = new SheetPart(file, form)) {
            part.row(1, LABEL_ROW_HEIGHT);
            for (int c = 0; c < LEAD + cells.size(); c++) {
                part.text(c, c < LEAD ? HEAD.get(c) : cells.get(c - LEAD).displayLabel(), headerStyle);
            }
            part.row(2);
            for (int i = 0; i < cells.size(); i++) {
                part.text(LEAD + i, cells.get(i).key());
            }
            int n = HEADER_ROWS + 1;
            for (MergeInput in : inputs) {
                part.row(n);
                part.number(0, n - HEADER_ROWS);
                Identity id = in.identity();
                part.text(1, in.name());
                part.text(2, id.get(IdentityField.CREDIT_CODE).orElse(""));
                part.text(3, id.get(IdentityField.REGION_CODE).orElse(""));
                part.text(4, id.get(IdentityField.PARENT).orElse(""));
                part.text(5, id.get(IdentityField.YEAR).orElse(""));
                part.text(6, in.file());
                part.text(7, in.status().label());
                part.number(8, in.errors());
                part.number(9, in.warnings());
                for (int i = 0; i < cells.size(); i++) {
                    part.decimal(LEAD + i, in.value(layout, i));
                }
                n++;
            }
            return part.finish();
        }
    }
}
