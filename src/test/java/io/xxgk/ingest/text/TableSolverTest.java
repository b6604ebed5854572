package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.schema.SumDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The joint search over a table's open rows: only values every fitting combination agrees on, bounded in time. */
class TableSolverTest {

    private static BigDecimal[] way(int... v) {
        BigDecimal[] out = new BigDecimal[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = BigDecimal.valueOf(v[i]);
        }
        return out;
    }

    private static final SumDef T_IS_A_PLUS_B = SumDef.total("T", "t", "t", List.of("a", "b"));

    @Test
    void twoOpenRowsThatOnlyTogetherFitTheTotalAreDecidedTogether() {
        // Neither row is decided alone (the other cell of t = a + b is open too); together only 2 + 3 = 5 fits.
        TableSolver solver = new TableSolver(Map.of("t", BigDecimal.valueOf(5)), List.of(T_IS_A_PLUS_B));
        TableSolver.Solution s = solver.solve(List.of(
                new TableSolver.Unknown(List.of("a"), List.of(way(1), way(2))),
                new TableSolver.Unknown(List.of("b"), List.of(way(2), way(3)))));
        assertThat(s.complete()).isTrue();
        assertThat(s.fits()).isEqualTo(1);
        assertThat(s.agreed().get(0)).containsExactly(BigDecimal.valueOf(2));
        assertThat(s.agreed().get(1)).containsExactly(BigDecimal.valueOf(3));
    }

    @Test
    void aCellTheFittingCombinationsDisagreeOnStaysOpen() {
        // t = 4: 1 + 3 and 2 + 2 both fit: a and b stay open; x is 7 in every way of its row.
        TableSolver solver = new TableSolver(Map.of("t", BigDecimal.valueOf(4)), List.of(T_IS_A_PLUS_B));
        TableSolver.Solution s = solver.solve(List.of(
                new TableSolver.Unknown(List.of("a", "x"), List.of(way(1, 7), way(2, 7), way(9, 7))),
                new TableSolver.Unknown(List.of("b"), List.of(way(2), way(3)))));
        assertThat(s.fits()).isEqualTo(2);
        assertThat(s.agreed().get(0)).containsExactly(null, BigDecimal.valueOf(7));
        assertThat(s.agreed().get(1)).hasSize(1).containsOnlyNulls();
        // The ways that take part in some fitting combination: 9 + anything does not.
        assertThat(s.used().get(0)).hasSize(2);
    }

    @Test
    void aRelationWithACellNotReadJudgesNothing() {
        TableSolver solver = new TableSolver(Map.of(), List.of(T_IS_A_PLUS_B));
        TableSolver.Solution s = solver.solve(List.of(
                new TableSolver.Unknown(List.of("a"), List.of(way(1), way(2))),
                new TableSolver.Unknown(List.of("b"), List.<BigDecimal[]>of(way(5)))));
        assertThat(s.agreed().get(0)).hasSize(1).containsOnlyNulls();
        assertThat(s.agreed().get(1)).containsExactly(BigDecimal.valueOf(5));
    }

    @Test
    void aSearchTooLargeStopsWithinItsBoundAndDecidesNothing() {
        // Twenty open rows of 60 ways each, joined by one total no combination reaches: 60^20 combinations.
        Random random = new Random(24);
        List<TableSolver.Unknown> unknowns = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            List<BigDecimal[]> ways = new ArrayList<>();
            for (int w = 0; w < 60; w++) {
                ways.add(way(random.nextInt(5)));
            }
            unknowns.add(new TableSolver.Unknown(List.of("p" + u), ways));
            parts.add("p" + u);
        }
        TableSolver solver = new TableSolver(Map.of("t", BigDecimal.valueOf(1000)), List.of(SumDef.total("T", "t", "t", parts)));
        TableSolver.Solution s = solver.solve(unknowns);
        // It stopped (by its time or node bound) instead of trying them all, and gives nothing it did not finish.
        assertThat(s.complete()).isFalse();
        assertThat(s.agreed()).allSatisfy(a -> assertThat(a).containsOnlyNulls());
    }
}
