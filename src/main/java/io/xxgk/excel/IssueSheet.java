package io.xxgk.excel;

import io.xxgk.finding.Finding;
import io.xxgk.i18n.Messages;
import io.xxgk.merge.FindingSpool;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The sheet 问题清单: every finding of the merge itself, then every finding of every input. A clerk
 * reads the official label of the cell (项目) and the message; the cell key for programs comes last.
 */
final class IssueSheet {

    static final List<String> HEAD = List.of("单位", "文件", "单元格", "项目", "严重程度", "规则", "说明", "键名");
    private static final Map<Integer, Integer> WIDTHS = Map.of(0, 26, 1, 30, 2, 14, 3, 40, 4, 8, 5, 12, 6, 90, 7, 34);

    private IssueSheet() {
    }

    /** Writes the sheet to {@code file}; {@code headerStyle}: the cell style index of the header row. */
    static SheetPart.Written write(Path file, List<Finding> merge, List<String> mergeAgencies, FindingSpool inputs,
                                   Layout layout, int headerStyle) throws IOException {
        SheetPart.Form form = new SheetPart.Form((int) (1 + merge.size() + inputs.count()), HEAD.size() - 1, 1, 0, WIDTHS,
                true);
        try (SheetPart part = new SheetPart(file, form)) {
            part.row(1);
            for (int c = 0; c < HEAD.size(); c++) {
                part.text(c, HEAD.get(c), headerStyle);
            }
            int[] n = {2};
            for (int i = 0; i < merge.size(); i++) {
                line(part, n[0]++, FindingSpool.line(mergeAgencies.get(i), merge.get(i)), layout);
            }
            try {
                inputs.forEach(l -> line(part, n[0]++, l, layout));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return part.finish();
        }
    }

    private static void line(SheetPart part, int r, FindingSpool.Line l, Layout layout) {
        try {
            part.row(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String label = l.key() == null || l.key().isEmpty() ? ""
                : layout.cell(l.key()).map(CellDef::displayLabel).orElse("");
        String[] v = {l.agency(), l.file(), l.cell(), label, Messages.get("severity." + l.severity()), l.rule(),
            l.message(), l.key()};
        for (int i = 0; i < v.length; i++) {
            part.text(i, v[i]);
        }
    }
}
