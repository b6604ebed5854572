package io.xxgk.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * examples/ holds a filled workbook for each of the five real reports of the seeds (their figures,
 * transcribed in src/test/resources/seeds/*.json and reviewed against the seed texts), and one with
 * a deliberate error. Regenerate with {@code -Dexamples.generate=true}.
 */
class ExamplesTest {

    static final Path SEEDS = Path.of("src/test/resources/seeds");
    static final Path EXAMPLES = Path.of("examples");
    static final String BROKEN = "福州市长乐区财政局";
    private final Layout layout = Layouts.defaultLayout();

    record Seed(String name, String year, Map<String, BigDecimal> values) {
        Path workbook() {
            return EXAMPLES.resolve(year).resolve(name + ".xlsx");
        }

        Identity identity() {
            return Identity.empty().with(IdentityField.NAME, name).with(IdentityField.YEAR, year);
        }
    }

    static Seed load(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        Map<String, BigDecimal> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().decimalValue());
        }
        return new Seed(root.get("agency").get("name").asText(), root.get("agency").get("year").asText(), values);
    }

    static Stream<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(SEEDS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static final Path PREVIOUS = Path.of("src/test/resources/previous");

    /** Constructed reports of 2022 for three of the agencies (see the note in each JSON). */
    static Stream<Path> previous() throws IOException {
        try (Stream<Path> s = Files.list(PREVIOUS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("previous")
    void eachPreviousYearExampleIsAValidReport(Path json) throws Exception {
        Seed s = load(json);
        CheckResult r = Checker.check(new WorkbookReader(layout).read(s.workbook()));
        assertThat(r.findings()).isEmpty();
        assertThat(r.values().get("requests.carried_out.natural"))
                .isEqualByComparingTo(s.values().get("requests.carried_out.natural"));
    }

    /** The deliberate error: seed 002's figures with 四、结转 of 自然人 off by 2. */
    static Seed broken() throws IOException {
        Seed base = load(SEEDS.resolve("002.json"));
        Map<String, BigDecimal> v = new HashMap<>(base.values());
        v.put("requests.carried_out.natural", new BigDecimal(2));
        v.put("requests.carried_out.total", new BigDecimal(2));
        return new Seed(BROKEN, "2023", v);
    }

    /** Writes examples/ from the JSON transcriptions; run by hand with -Dexamples.generate=true. */
    @Test
    @EnabledIfSystemProperty(named = "examples.generate", matches = "true")
    void generateWhenAsked() throws Exception {
        for (Path p : seeds().toList()) {
            write(load(p));
        }
        write(broken());
        for (Path p : previous().toList()) {
            write(load(p));
        }
    }

    private void write(Seed s) throws IOException {
        Map<String, BigDecimal> stated = new HashMap<>();
        s.values().forEach((k, v) -> {
            if (v != null) {
                stated.put(k, v);
            }
        });
        new TemplateWriter(layout).write(s.identity(), stated, s.workbook(), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void eachSeedWorkbookHoldsTheReportsFiguresAndPassesTheChecks(Path json) throws Exception {
        Seed s = load(json);
        CheckResult r = Checker.check(new WorkbookReader(layout).read(s.workbook()));
        for (Map.Entry<String, BigDecimal> e : s.values().entrySet()) {
            BigDecimal got = r.values().get(e.getKey());
            if (e.getValue() == null && layout.isFormula(e.getKey())) {
                // A total left blank in the report is a formula in our workbook: it shows 0.
                assertThat(got).as(e.getKey()).isEqualByComparingTo(BigDecimal.ZERO);
            } else if (e.getValue() == null) {
                assertThat(got).as(e.getKey()).isNull();
            } else {
                assertThat(got).as(e.getKey()).isEqualByComparingTo(e.getValue());
            }
        }
        assertThat(r.identity().get(IdentityField.NAME)).contains(s.name());
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        long blanks = s.values().entrySet().stream()
                .filter(e -> e.getValue() == null && !layout.isFormula(e.getKey())).count();
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("VAL-BLANK")).hasSize((int) blanks);
    }

    @Test
    void theBrokenExampleHasExactlyItsOneError() throws Exception {
        CheckResult r = Checker.check(new WorkbookReader(layout).read(broken().workbook()));
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::rule, Finding::key)
                .containsExactly(Tuple.tuple("T3-BAL", "requests.carried_out.natural"));
    }

    /** The README's check and import examples: the published reports and the hand-made table of examples/. */
    @Test
    void thePublishedReportsAndTheHandMadeTableOfTheExamplesRead() throws Exception {
        Cli.Result reports = Cli.run("check", "examples/报告");
        assertThat(reports.code()).as(reports.out() + reports.err()).isZero();
        assertThat(reports.out()).contains("上杭县人民政府办公室-2023.txt").contains("泉州市丰泽区人民政府办公室-2023.txt");
        Cli.Result hand = Cli.run("check", "examples/手工表/长乐区政府办-手工表.xlsx");
        assertThat(hand.out()).startsWith("✓ 通过");
    }
}
