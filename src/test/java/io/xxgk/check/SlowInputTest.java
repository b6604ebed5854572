package io.xxgk.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An input whose reader never ends (a library stuck in a hostile file, deaf to interrupts) costs only
 * its own result: every reader thread held by such inputs, a good workbook behind them is still read
 * (it was reported "读取超过 300 秒" without having been started), and each slow input is given up
 * after its own time, counted from when its reading began.
 */
class SlowInputTest {

    private final Layout layout = Layouts.defaultLayout();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void shortBudget() {
        System.setProperty("xxgk.inputSeconds", "1");
        System.setProperty("xxgk.threads", "2");
    }

    @AfterEach
    void restore() {
        release.countDown();
        System.clearProperty("xxgk.inputSeconds");
        System.clearProperty("xxgk.threads");
    }

    @Test
    void aGoodWorkbookBehindStuckReadersIsRead() throws Exception {
        Path good = Path.of("examples/2023/上杭县人民政府办公室.xlsx");
        List<Path> files = List.of(Path.of("stuck-1.pdf"), Path.of("stuck-2.pdf"), Path.of("stuck-3.pdf"), good);
        CheckRunner real = new CheckRunner(layout, null, null);
        CheckRunner runner = new CheckRunner(layout, f -> {
            if (f.getFileName().toString().startsWith("stuck")) {
                // Deaf to interrupts, as a parser in a loop is: ends only when the test is over.
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // not stopping
                    }
                }
            }
            return real.run(f);
        });
        List<CheckResult> results = new ArrayList<>();
        runner.runAll(files, results::add);
        assertThat(results).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i).unreadable()).isTrue();
            assertThat(results.get(i).findings().get(0).message()).contains("超过 1 秒");
        }
        CheckResult read = results.get(3);
        assertThat(read.unreadable()).as(read.findings().toString()).isFalse();
        assertThat(read.values()).isEqualTo(real.run(good).values());
    }
}
