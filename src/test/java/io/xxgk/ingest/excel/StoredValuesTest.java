package io.xxgk.ingest.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Severity;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.BothPaths;
import io.xxgk.testing.Reports;
import io.xxgk.testing.ZipEdit;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What other writers store in a cell, read the same by the fast path and by POI: formulas saved
 * without a result, exact whole numbers, and stored values that are no number.
 */
class StoredValuesTest {

    private static final String SHEET = "xl/worksheets/sheet3.xml";
    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private Path filled(Map<String, BigDecimal> values) throws Exception {
        Path f = dir.resolve("filled.xlsx");
        Map<String, BigDecimal> given = new HashMap<>(values);
        layout.formulas().keySet().forEach(given::remove);
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                given, f, true);
        return f;
    }

    /** Both readers' results, checked: they must agree on every value and finding. */
    private CheckResult checkBothWays(Path f) throws Exception {
        return BothPaths.agree(layout, f);
    }

    @Test
    void formulasSavedWithAnEmptyResultAreComputedNotReadAsZero() throws Exception {
        Map<String, BigDecimal> values = Reports.valid(layout, 606);
        Path f = filled(values);
        // openpyxl writes every formula as <f>…</f><v></v>.
        Pattern result = Pattern.compile("(<f>(?:<!\\[CDATA\\[.*?]]>|[^<]*)</f>)<v>[^<]*</v>");
        Path emptied = ZipEdit.rewrite(f, dir.resolve("openpyxl.xlsx"), SHEET,
                xml -> result.matcher(xml).replaceAll("$1<v></v>"));
        assertThat(ZipEdit.read(emptied, SHEET)).contains("<v></v>");
        CheckResult r = checkBothWays(emptied);
        assertThat(r.findings().stream().filter(x -> x.severity() == Severity.ERROR)).isEmpty();
        for (String key : layout.formulas().keySet()) {
            assertThat(r.values().get(key)).as(key).isEqualByComparingTo(values.get(key));
        }
    }

    /** A key the clerk types (no formula), holding a value no other cell has. */
    private String typedKey() {
        return layout.cells().stream().map(CellDef::key).filter(k -> !layout.formulas().containsKey(k))
                .findFirst().orElseThrow();
    }

    private Path withStored(String stored, boolean asDate) throws Exception {
        Map<String, BigDecimal> values = new HashMap<>(Reports.valid(layout, 707));
        values.put(typedKey(), new BigDecimal("987654"));
        Path f = filled(values);
        Pattern cell = Pattern.compile("<c ([^>]*?)(?: t=\"n\")?>(<v>)987654(?:\\.0)?(</v>)");
        return ZipEdit.rewrite(f, dir.resolve("stored.xlsx"), SHEET, xml -> {
            Matcher m = cell.matcher(xml);
            assertThat(m.find()).as("the cell holding 987654").isTrue();
            return m.replaceFirst(Matcher.quoteReplacement("<c " + m.group(1) + (asDate ? " t=\"d\"" : "")
                    + ">" + m.group(2) + stored + m.group(3)));
        });
    }

    @Test
    void aWholeNumberIsReadExactlyNeverThroughADouble() throws Exception {
        CheckResult r = checkBothWays(withStored("123456789012345", false));
        assertThat(r.values().get(typedKey())).isEqualTo(new BigDecimal("123456789012345"));
    }

    @Test
    void aNumberBeyondTheCapIsVAL_NUMQuotingItExactly() throws Exception {
        CheckResult r = checkBothWays(withStored("9007199254740993", false));
        assertThat(r.unreadable()).isFalse();
        assertThat(r.values().get(typedKey())).isNull();
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.rule()).isEqualTo("VAL-NUM");
            assertThat(x.key()).isEqualTo(typedKey());
            assertThat(x.message()).contains("9007199254740993");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "INF", "-Infinity", "1e309", "0x1p3", "12abc"})
    void aStoredValueThatIsNoNumberIsVAL_NUMOnItsCellNotADamagedFile(String stored) throws Exception {
        CheckResult r = checkBothWays(withStored(stored, false));
        assertThat(r.unreadable()).isFalse();
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.rule()).isEqualTo("VAL-NUM");
            assertThat(x.key()).isEqualTo(typedKey());
        });
    }

    @Test
    void aDateTypedCellIsVAL_NUMOnItsCell() throws Exception {
        // POI cannot load a workbook with a t="d" cell at all; the fast path reads it.
        CheckResult r = Checker.check(new WorkbookReader(layout).read(withStored("2024-01-01T00:00:00", true)));
        assertThat(r.unreadable()).isFalse();
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.rule()).isEqualTo("VAL-NUM");
            assertThat(x.key()).isEqualTo(typedKey());
            assertThat(x.message()).contains("2024-01-01");
        });
    }

    @Test
    void storedNumbersAreTheDecimalsASpreadsheetShows() {
        assertThat(StoredNumber.parse("112.55033999999999")).isEqualTo(new BigDecimal("112.55034"));
        assertThat(StoredNumber.parse("1.2E+3")).isEqualTo(new BigDecimal("1200"));
        assertThat(StoredNumber.parse("28")).isEqualTo(new BigDecimal("28"));
        assertThat(StoredNumber.parse("28.0")).isEqualTo(new BigDecimal("28"));
        assertThat(List.of("NaN", "1e309", "0x10", "", "1,000")).allSatisfy(s -> assertThat(StoredNumber.parse(s)).isNull());
    }

    /**
     * The hand-written scanner of {@link StoredNumber#parse} accepts exactly what the regular
     * expressions it replaced accepted, with the same value: seeded random texts built from the
     * characters numbers are made of, plus the edge cases.
     */
    @Test
    void storedNumbersAreReadAsTheRegularExpressionsSpecify() {
        Pattern whole = Pattern.compile("[+-]?\\d{1,40}");
        Pattern decimal = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");
        Function<String, BigDecimal> reference = stored -> {
            String s = stored.strip();
            if (whole.matcher(s).matches()) {
                return new BigDecimal(s);
            }
            if (s.length() > 400 || !decimal.matcher(s).matches()) {
                return null;
            }
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? WorkbookReader.exact(d) : null;
        };
        Random random = new Random(20261130L);
        String alphabet = "0123456789+-.eE x١";
        List<String> cases = new ArrayList<>(List.of("", "+", "-", ".", "1.", ".5", "-.5e-3", "1e", "1e+",
                "1e12345", "1e1234", "0001", "-0", "+7", " 42 ", "9".repeat(40), "9".repeat(41), "1".repeat(19),
                "1".repeat(18), "-" + "9".repeat(18), "1.5E+308", "1e309", "١٢", "15355.0", "-7.000", "+3.", "-0.0",
                "9".repeat(15) + ".0", "9".repeat(16) + ".0", "1".repeat(15) + ".00", "12.50", "0.0"));
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(12);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(b.toString());
        }
        for (String c : cases) {
            BigDecimal want = reference.apply(c);
            BigDecimal got = StoredNumber.parse(c);
            assertThat(got).as("\"%s\"", c).isEqualTo(want);
        }
    }
}
