package io.xxgk.excel;

import io.xxgk.finding.Finding;
import io.xxgk.i18n.Messages;
import io.xxgk.merge.FindingSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The sheet 问题清单: every finding of the merge itself, then every finding of every input. */
final class IssueSheet {

    static final List<String> HEAD = List.of("单位", "文件", "单元格", "键名", "规则", "严重程度", "说明");
    private static final Map<Integer, Integer> WIDTHS = Map.of(0, 26, 1, 30, 2, 14, 3, 34, 4, 12, 5, 8, 6, 90);

    private IssueSheet() {
    }

    /** Writes the sheet to {@code file}; {@code headerStyle}: the cell style index of the header row. */
    static SheetPart.Written write(Path file, List<Finding> merge, FindingSpool inputs, int headerStyle)
            throws IOException {
        SheetPart.Form form = new SheetPart.Form((int) (1 + merge.size() + inputs.count()), HEAD.size() - 1, 1, 0, WIDTHS);
        try (SheetPart part = new SheetPart(file, form)) {
            part.row(1);
            for (int c = 0; c < HEAD.size(); c++) {
                part.text(c, HEAD.get(c), headerStyle);
            }
            int[] n = {2};
            for (Finding f : merge) {
                line(part, n[0]++, FindingSpool.line("", f));
            }
            try {
                inputs.forEach(l -> line(part, n[0]++, l));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return part.finish();
        }
    }

    private static void line(SheetPart part, int r, FindingSpool.Line l) {
        try {
            part.row(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] v = {l.agency(), l.file(), l.cell(), l.key(), l.rule(), Messages.get("severity." + l.severity()),
            l.message()};
        for (int i = 0; i < v.length; i++) {
            part.text(i, v[i]);
        }
    }
}
