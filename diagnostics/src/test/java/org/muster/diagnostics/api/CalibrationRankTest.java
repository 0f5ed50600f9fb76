package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ranks of true values among thinned draws. */
class CalibrationRankTest {

    @Test
    void countsDrawsBelowTheTruthAmongEveryThinthDraw() {
        double[][] chains = {{1, 5, 2, 6, 3, 7}, {0, 9, 0, 9, 0, 9}};
        // thin 2 keeps 5, 6, 7 and 9, 9, 9
        CalibrationRank rank = CalibrationRank.of(6.5, chains, 2, new SplittableRandom(1));
        assertEquals(2, rank.rank());
        assertEquals(6, rank.draws());
        assertEquals(2, rank.thin());
        assertTrue(rank.fraction() >= 2.0 / 7 && rank.fraction() < 3.0 / 7, "fraction " + rank.fraction());
    }

    @Test
    void tiesAreSplitAtRandom() {
        double[][] chains = {{1, 1, 1, 1}};
        int[] seen = new int[5];
        SplittableRandom random = new SplittableRandom(2);
        for (int r = 0; r < 500; r++) {
            seen[CalibrationRank.of(1, chains, 1, random).rank()]++;
        }
        for (int count : seen) {
            assertTrue(count > 50, "every rank 0..4 is possible: " + java.util.Arrays.toString(seen));
        }
    }

    @Test
    void thinningLeavesAboutTheEffectiveSampleSize() {
        assertEquals(1, CalibrationRank.thinning(1000, Double.NaN));
        assertEquals(1, CalibrationRank.thinning(1000, 1500));
        assertEquals(4, CalibrationRank.thinning(1000, 250));
        assertEquals(4, CalibrationRank.thinning(1000, 249.9 + 0.2));
        assertEquals(1000, CalibrationRank.thinning(1000, 0.5));
    }

    @Test
    void autocorrelatedChainsAreThinnedAndRanksOfExactDrawsAreUniform() {
        // truth and draws from the same AR(1) stationary N(0, 1): ranks uniform once the chain is thinned
        SplittableRandom random = new SplittableRandom(3);
        double rho = 0.9;
        double[] fractions = new double[200];
        int thin = 0;
        for (int r = 0; r < fractions.length; r++) {
            double truth = random.nextGaussian();
            double[][] chains = new double[2][300];
            for (double[] chain : chains) {
                double x = random.nextGaussian();
                for (int t = 0; t < chain.length; t++) {
                    x = rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian();
                    chain[t] = x;
                }
            }
            CalibrationRank rank = CalibrationRank.of(truth, chains, random);
            fractions[r] = rank.fraction();
            thin = Math.max(thin, rank.thin());
        }
        assertTrue(thin >= 5, "AR(1) at 0.9 has an ESS of about n/19: thinned by " + thin);
        assertTrue(EcdfUniformity.test(fractions, 50, 0.95).withinBand());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CalibrationRank.of(Double.NaN, new double[][] {{1, 2}}, 1, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> CalibrationRank.of(1, new double[][] {{1, 2}}, 3, new SplittableRandom(1)));
    }
}
