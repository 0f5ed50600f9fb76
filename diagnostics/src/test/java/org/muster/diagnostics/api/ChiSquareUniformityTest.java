package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pearson's chi-square test of a rank histogram. */
class ChiSquareUniformityTest {

    @Test
    void countsAndStatisticByHand() {
        ChiSquareUniformity test = ChiSquareUniformity.test(new double[] {0.1, 0.2, 0.3, 0.6, 0.99, 0.0}, 2);
        assertArrayEquals(new int[] {4, 2}, test.counts());
        // expected 3 each: (1 + 1) / 3
        assertEquals(2.0 / 3, test.statistic(), 1e-15);
        assertEquals(1, test.degreesOfFreedom());
        // P(chi2_1 > 2/3) = 2 (1 - Phi(sqrt(2/3)))
        assertEquals(0.41421617824252, test.pValue(), 1e-10);
    }

    @Test
    void uniformPassesAndShiftedFails() {
        assertTrue(ChiSquareUniformity.test(EcdfUniformityTest.uniform(500, 3), 20).pValue() > 0.01);
        SplittableRandom random = new SplittableRandom(4);
        double[] shifted = new double[500];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = Math.sqrt(random.nextDouble());
        }
        assertTrue(ChiSquareUniformity.test(shifted, 20).pValue() < 1e-6);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChiSquareUniformity.test(new double[] {0.5}, 1));
        assertThrows(IllegalArgumentException.class, () -> ChiSquareUniformity.test(new double[] {1.5}, 4));
    }
}
