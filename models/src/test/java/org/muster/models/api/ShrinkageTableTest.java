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

    @Test
    void unitsGivenAsDeviationsAddThePopulationMeanDrawByDraw() {
        SplittableRandom random = new SplittableRandom(2);
        int n = 401;
        double[][][] values = new double[2][3][n];
        for (double[][] chain : values) {
            for (int t = 0; t < n; t++) {
                chain[0][t] = 1.3 + 0.1 * random.nextGaussian();
                chain[1][t] = -0.2 + 0.3 * random.nextGaussian();
                chain[2][t] = 0.4 + 0.2 * random.nextGaussian();
            }
        }
        Draws draws = Draws.of(List.of("b_Intercept", "r_g[a,Intercept]", "r_g[b,Intercept]"), values);
        UnitEstimates units = new UnitEstimates("r_g", List.of("a", "b"), new double[] {0.5, 2.5}, "mean y",
                Optional.of("b_Intercept"), List.of("r_g[a,Intercept]", "r_g[b,Intercept]"), true, new int[] {3, 40});
        ShrinkageTable table = ShrinkageTable.compute(units, draws);
        for (int j = 0; j < 2; j++) {
            double[] sums = new double[2 * n];
            for (int c = 0; c < 2; c++) {
                for (int t = 0; t < n; t++) {
                    sums[c * n + t] = values[c][0][t] + values[c][1 + j][t];
                }
            }
            ShrinkageRow row = table.rows().get(j);
            assertEquals(Arrays.stream(sums).average().orElseThrow(), row.mean(), 1e-12);
            Arrays.sort(sums);
            assertEquals(Quantiles.type7(sums, 0.05), row.q5(), 1e-12);
            assertEquals(Quantiles.type7(sums, 0.95), row.q95(), 1e-12);
            assertEquals(new int[] {3, 40}[j], row.n());
        }
        assertEquals("b_Intercept + r_g[a,Intercept]", table.rows().get(0).variable());
        double population = table.rows().get(0).populationMean();
        assertEquals((0.5 - table.rows().get(0).mean()) / (0.5 - population), table.rows().get(0).shrinkage(), 1e-12);
        assertEquals(-1, ShrinkageTable.compute(new UnitEstimates("theta", List.of("1"), new double[] {0.2}, "y/n",
                Optional.empty()), Draws.of(List.of("theta[1]"), new double[][][] {{{0.1, 0.3}}})).rows().get(0).n());
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class, () -> new UnitEstimates("r",
                List.of("a"), new double[] {1}, "mean y", Optional.empty(), List.of("r[a]"), true, null));
        assertTrue(alone.getMessage().contains("population mean"), alone.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> new UnitEstimates("r",
                List.of("a"), new double[] {1}, "mean y", Optional.of("mu"), List.of("r[a]", "r[b]"), true, null));
        assertTrue(count.getMessage().contains("2 unit variables but 1"), count.getMessage());
    }
}
