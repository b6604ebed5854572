package io.xxgk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Layout;
import java.nio.file.Path;

/** Reads a workbook by the fast path and by POI and asserts they agree on values, identity and findings. */
public final class BothPaths {

    private BothPaths() {
    }

    /** The checked result (of the fast path), after asserting POI's is the same. */
    public static CheckResult agree(Layout layout, Path file) throws Exception {
        WorkbookReader reader = new WorkbookReader(layout);
        CheckResult fast = Checker.check(reader.read(file));
        CheckResult full = Checker.check(reader.readFully(file));
        assertThat(fast.values()).as("%s: fast path and POI read the same values", file).isEqualTo(full.values());
        assertThat(fast.identity()).as("%s: the same identity", file).isEqualTo(full.identity());
        assertThat(fast.findings().stream().map(Finding::message).toList()).as("%s: the same findings", file)
                .isEqualTo(full.findings().stream().map(Finding::message).toList());
        return fast;
    }
}
