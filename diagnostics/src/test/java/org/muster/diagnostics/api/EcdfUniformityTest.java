package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The ECDF test passes uniform values and flags shifted and overdispersed ones. */
class EcdfUniformityTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    @Test
    void uniformValuesPass() {
        // one uniform sample in twenty fails a 95% band (seed 11 does, with p = 0.034); how often is checked
        // by pValueIsUniformForUniformValues
        EcdfUniformity test = EcdfUniformity.test(uniform(500, 21), 100, 0.95);
        assertTrue(test.withinBand(), "first outside at " + test.firstOutside() + ", p " + test.pValue() + ", " + java.util.Arrays.toString(test.counts()) + " band " + java.util.Arrays.toString(test.band().lower()) + java.util.Arrays.toString(test.band().upper()));
        assertTrue(test.pValue() > 0.05, "p " + test.pValue());
    }

    @Test
    void shiftedValuesFail() {
        // the PIT of N(0.25, 1) draws under N(0, 1): a posterior biased by a quarter of its sd
        SplittableRandom random = new SplittableRandom(12);
        double[] values = new double[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = pit(random.nextGaussian() + 0.25);
        }
        EcdfUniformity test = EcdfUniformity.test(values, 100, 0.95);
        assertFalse(test.withinBand());
        assertTrue(test.pValue() < 0.01, "p " + test.pValue());
        // ranks too high: the ECDF runs below the diagonal
        assertTrue(test.difference()[49] < 0);
    }

    @Test
    void overdispersedValuesFail() {
        // the PIT of N(0, 1.3^2) under N(0, 1): a posterior too narrow, ranks piling up at both ends
        SplittableRandom random = new SplittableRandom(13);
        double[] values = new double[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = pit(1.3 * random.nextGaussian());
        }
        EcdfUniformity test = EcdfUniformity.test(values, 100, 0.95);
        assertFalse(test.withinBand());
        assertTrue(test.difference()[19] > 0 && test.difference()[79] < 0, "the S shape of too many extreme ranks");
    }

    @Test
    void pValueIsUniformForUniformValues() {
        SplittableRandom random = new SplittableRandom(14);
        int replications = 2000;
        int belowTenth = 0;
        int belowHalf = 0;
        int outside = 0;
        EcdfBand band = EcdfBand.of(40, 20, 0.9);
        for (int r = 0; r < replications; r++) {
            double[] values = new double[40];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble();
            }
            EcdfUniformity test = EcdfUniformity.test(values, band);
            belowTenth += test.pValue() <= 0.1 ? 1 : 0;
            belowHalf += test.pValue() <= 0.5 ? 1 : 0;
            outside += test.withinBand() ? 0 : 1;
        }
        assertEquals(0.1, (double) belowTenth / replications, 4 * Math.sqrt(0.1 * 0.9 / replications));
        assertEquals(0.5, (double) belowHalf / replications, 4 * Math.sqrt(0.5 * 0.5 / replications));
        assertEquals(1 - band.coverage(), (double) outside / replications,
                4 * Math.sqrt(band.coverage() * (1 - band.coverage()) / replications));
    }

    @Test
    void countsAreTheEcdfAtThePoints() {
        EcdfUniformity test = EcdfUniformity.test(new double[] {0.05, 0.1, 0.3, 0.7, 0.95}, 4, 0.9);
        assertEquals(3, test.counts().length);
        assertEquals(2, test.counts()[0]);
        assertEquals(3, test.counts()[1]);
        assertEquals(4, test.counts()[2]);
        assertEquals(2.0 / 5 - 0.25, test.difference()[0], 1e-15);
    }

    @Test
    void valuesOutsideTheUnitIntervalAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EcdfUniformity.test(new double[] {0.5, 1.0}, 4, 0.9));
        assertThrows(IllegalArgumentException.class, () -> EcdfUniformity.test(new double[] {0.5}, 4, 1.0));
    }

    static double[] uniform(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble();
        }
        return values;
    }

    private static double pit(double x) {
        return Math.min(STANDARD_NORMAL.cumulativeProbability(x), Math.nextDown(1.0));
    }
}
