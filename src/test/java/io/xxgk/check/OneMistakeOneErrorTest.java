package io.xxgk.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Sheets;
import io.xxgk.testing.Workbooks;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One wrong entry, one error: a -3 or a 五 typed for 自然人 gave VAL-NUM and also a T3-BAL on the
 * locked 总计 formula cell (相差 20), which the clerk cannot edit.
 */
class OneMistakeOneErrorTest {

    @TempDir
    Path dir;

    private final Layout layout = Layouts.get("2021");

    @ParameterizedTest
    @ValueSource(strings = {"-3", "五"})
    void aWrongEntryIsOneErrorAtItsOwnCell(String typed) throws Exception {
        Path f = Workbooks.edited(Workbooks.filled(layout, 21L, "甲局", "2023", dir.resolve("甲局.xlsx")), wb -> {
            if (typed.equals("-3")) {
                Sheets.named(wb, "requests.new.natural").setCellValue(-3);
            } else {
                Sheets.named(wb, "requests.new.natural").setCellValue(typed);
            }
        });
        CheckResult r = Checker.check(new WorkbookReader(layout).read(f));
        assertThat(r.findings()).filteredOn(x -> x.severity() == Severity.ERROR)
                .extracting(Finding::rule).containsExactly("VAL-NUM");
        assertThat(r.findings()).filteredOn(x -> x.severity() == Severity.ERROR)
                .extracting(Finding::key).containsExactly("requests.new.natural");
        // The sums it is in are said unchecked, at their totals, as information naming the cell to fix.
        assertThat(r.findings()).filteredOn(x -> x.rule().equals("SUM-UNCHECKED"))
                .allSatisfy(x -> assertThat(x.message()).contains("统计表!").contains("新收"))
                .extracting(Finding::key).contains("requests.new.total");
    }
}
