package io.xxgk.ingest.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decimal read from a stored double: the whole-number shortcut gives what the definition gives. */
class ExactTest {

    static final long SEED = 20261121L;

    /**
     * The definition: the double's exact value to 15 significant digits (what Excel and WPS show),
     * trailing zeros stripped, never a negative scale.
     */
    private static BigDecimal byText(double d) {
        BigDecimal v = new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    @Test
    void wholeNumbersAndFractionsReadAsTheirShortestDecimal() {
        Random random = new Random(SEED);
        double[] edges = {0.0, -0.0, 1.0, -1.0, 1e7, 1e15, 9007199254740991.0, 9007199254740992.0, 1e16, 1e22,
            0.1, 112.55034, 112.55033999999999, 25.1, -4.0, 123456789.0, 3.0e-7, 999999999999999.0};
        for (double d : edges) {
            assertThat(WorkbookReader.exact(d)).as("%s", d).isEqualTo(byText(d));
        }
        assertThat(WorkbookReader.exact(112.55033999999999)).isEqualTo(new BigDecimal("112.55034"));
        assertThat(WorkbookReader.exact(0.1)).isEqualTo(new BigDecimal("0.1"));
        for (int i = 0; i < 100_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextInt(100_000);
                case 1 -> (double) (random.nextLong() >> random.nextInt(64));
                case 2 -> Math.round(random.nextDouble() * 1e6) / 100.0;
                default -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
            };
            assertThat(WorkbookReader.exact(d)).as("seed %d, %s", SEED, d).isEqualTo(byText(d));
        }
    }
}
