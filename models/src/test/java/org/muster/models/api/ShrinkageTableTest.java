package org.muster.models.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.Quantiles;

class ShrinkageTableTest {

    @Test
    void rowsGiveTheRawEstimatePosteriorAndTheFractionMovedTowardThePopulation() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 1001;
        double[][][] values = new double[1][3][n];
        for (int t = 0; t < n; t++) {
            values[0][0][t] = 0.2 + 0.01 * random.nextGaussian();
            values[0][1][t] = 0.3 + 0.05 * random.nextGaussian();
            values[0][2][t] = 0.15 + 0.05 * random.nextGaussian();
        }
        Draws draws = Draws.of(List.of("mean", "theta[1]", "theta[2]"), values);
        UnitEstimates units = new UnitEstimates("theta", List.of("A", "B"), new double[] {0.4, 0.2}, "y/n",
                Optional.of("mean"));
        ShrinkageTable table = ShrinkageTable.compute(units, draws);
        assertEquals("y/n", table.rawDescription());
        ShrinkageRow a = table.rows().get(0);
        assertEquals("A", a.unit());
        assertEquals("theta[1]", a.variable());
        double population = Arrays.stream(values[0][0]).average().orElseThrow();
        double posterior = Arrays.stream(values[0][1]).average().orElseThrow();
        assertEquals(population, a.populationMean(), 1e-15);
        assertEquals((0.4 - posterior) / (0.4 - population), a.shrinkage(), 1e-12);
        double[] sorted = values[0][1].clone();
        Arrays.sort(sorted);
        assertEquals(Quantiles.type7(sorted, 0.05), a.q5(), 0);
        assertEquals(Quantiles.type7(sorted, 0.95), a.q95(), 0);
        assertTrue(table.rows().get(1).shrinkage() > 0);
    }

    @Test
    void withoutAPopulationOrAtItShrinkageIsUndefined() {
        Draws draws = Draws.of(List.of("theta[1]"), new double[][][] {{{0.1, 0.3}}});
        ShrinkageTable table = ShrinkageTable.compute(
                new UnitEstimates("theta", List.of("1"), new double[] {0.2}, "y/n", Optional.empty()), draws);
        assertTrue(Double.isNaN(table.rows().get(0).populationMean()) && Double.isNaN(table.rows().get(0).shrinkage()));
        assertEquals(0.2, table.rows().get(0).mean(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShrinkageTable.compute(
                new UnitEstimates("lambda", List.of("1"), new double[] {0.2}, "n/e", Optional.empty()), draws));
        assertTrue(e.getMessage().contains("'lambda[1]'"), e.getMessage());
    }
}
