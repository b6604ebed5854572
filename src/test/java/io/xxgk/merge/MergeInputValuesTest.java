package io.xxgk.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact values of a merge input give back exactly the BigDecimal put in (value and scale). */
class MergeInputValuesTest {

    static final long SEED = 31L;

    @Test
    void everyValueComesBackEqualIncludingItsScale() {
        Random random = new Random(SEED);
        int n = 5000;
        BigDecimal[] put = new BigDecimal[n];
        MergeInput.Values values = new MergeInput.Values(n);
        for (int i = 0; i < n; i++) {
            put[i] = switch (i % 6) {
                case 0 -> null;
                case 1 -> BigDecimal.valueOf(random.nextInt(1000));
                case 2 -> BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(5));
                case 3 -> new BigDecimal(new BigInteger(100, random), random.nextInt(10));
                case 4 -> BigDecimal.valueOf(random.nextLong(), 200 - random.nextInt(400));
                default -> new BigDecimal("1E+7").add(BigDecimal.valueOf(-random.nextInt(9)));
            };
            values.set(i, put[i]);
        }
        for (int i = 0; i < n; i++) {
            assertThat(values.get(i)).as("seed %d, value %d", SEED, i).isEqualTo(put[i]);
        }
    }
}
