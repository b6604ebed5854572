package io.xxgk.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layouts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: every folder under {@code golden/} holds an {@code input.*} and the
 * {@code expected.json} of checking it (values, identity, findings without their wording). A new
 * case is new files, no code. {@code -Dgolden.update=true} rewrites the expectations for review.
 */
class GoldenTest {

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GoldenFixtures.ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkingTheInputGivesTheExpectedResult(Path dir) throws Exception {
        Path input;
        try (Stream<Path> files = Files.list(dir)) {
            input = files.filter(p -> p.getFileName().toString().startsWith("input.")).findFirst().orElseThrow();
        }
        CheckResult r = Checker.check(new WorkbookReader(Layouts.defaultLayout()).read(input));
        Map<String, Object> actual = summary(r);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path expected = dir.resolve("expected.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, mapper.writeValueAsString(actual) + "\n");
        }
        assertThat(mapper.readTree(mapper.writeValueAsString(actual)))
                .as(dir.getFileName().toString())
                .isEqualTo(mapper.readTree(expected.toFile()));
    }

    static Map<String, Object> summary(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> agency = new LinkedHashMap<>();
        for (IdentityField f : IdentityField.values()) {
            r.identity().get(f).ifPresent(v -> agency.put(f.id(), v));
        }
        m.put("agency", agency);
        Map<String, Object> values = new LinkedHashMap<>();
        r.values().forEach((k, v) -> values.put(k, v == null ? null : v.toPlainString()));
        m.put("values", values);
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("rule", f.rule());
            fm.put("severity", f.severity().id());
            fm.put("key", f.key());
            fm.put("cell", f.cell());
            fm.put("expected", plain(f.expected()));
            fm.put("actual", plain(f.actual()));
            findings.add(fm);
        }
        m.put("findings", findings);
        return m;
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
