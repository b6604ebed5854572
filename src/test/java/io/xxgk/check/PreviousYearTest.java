package io.xxgk.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Last year's reports are kept small (a province holds thousands) and still check the same. */
class PreviousYearTest {

    private final Layout layout = Layouts.get("2021");
    private final CheckRunner runner = new CheckRunner(layout, null, null);

    @Test
    void keepsOnlyTheComparedKeysAndGivesTheSameCrossYearFindings() throws Exception {
        PreviousYear last = PreviousYear.load(Path.of("examples/2022"), runner);
        int compared = 0;
        try (Stream<Path> files = Files.list(Path.of("examples/2023"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList()) {
                CheckResult now = runner.run(f);
                CheckResult kept = last.find(now.identity());
                if (now.unreadable() || kept == null) {
                    continue;
                }
                assertThat(kept.values().keySet()).isEqualTo(layout.lastYearKeys());
                CheckResult full = runner.run(Path.of(kept.file()));
                List<?> expected = CrossYear.compare(layout, now, full);
                assertThat(CrossYear.compare(layout, now, kept)).as(f.toString()).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(3);
    }
}
