package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.BothPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Workbooks written by other tools (src/test/resources/writers, made by its make.sh: openpyxl,
 * XlsxWriter, LibreOffice xlsx/xlsm/xls/ods, Gnumeric, SheetJS, ExcelJS), our template filled by each
 * and a hand-made table, all holding the figures of seed 000: each reads to exactly those figures,
 * and on .xlsx the fast path and POI agree.
 */
class WritersTest {

    static final Path DIR = Path.of("src/test/resources/writers");
    private final Layout layout = Layouts.get("2021");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().matches(".*\\.(xlsx|xlsm|xls|ods)$")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsExactlyTheFiguresItWasWrittenWith(Path file) throws Exception {
        JsonNode seed = new ObjectMapper().readTree(Path.of("src/test/resources/seeds/000.json").toFile());
        CheckResult r = new CheckRunner(layout, null, null).run(file);
        assertThat(r.unreadable()).as("%s", r.findings()).isFalse();
        assertThat(r.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message)).isEmpty();
        for (Iterator<Map.Entry<String, JsonNode>> it = seed.get("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(r.values().get(e.getKey())).as("%s %s", file.getFileName(), e.getKey())
                    .isEqualByComparingTo(new BigDecimal(e.getValue().asText()));
        }
        assertThat(r.identity().get(IdentityField.NAME)).contains(seed.get("agency").get("name").asText());
        assertThat(r.identity().get(IdentityField.YEAR)).contains(seed.get("agency").get("year").asText());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void theFastPathAndPoiAgree(Path file) throws Exception {
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return; // the fast path reads .xlsx only
        }
        BothPaths.agree(layout, file);
    }
}
