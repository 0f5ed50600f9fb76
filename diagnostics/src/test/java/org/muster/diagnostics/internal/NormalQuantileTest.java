package org.muster.diagnostics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {

    @Test
    void matchesFortyDigitValuesToAFewUlps() {
        // sqrt(2) erfinv(2p - 1) in 40-digit arithmetic (mpmath)
        double[][] cases = {{0.975, 1.9599639845400542355}, {1e-4, -3.7190164854556805644},
            {0.00015625, -3.6047113948643735835}, {1e-10, -6.3613409024040562047}, {0.3, -0.52440051270804067}};
        for (double[] c : cases) {
            assertEquals(c[1], NormalQuantile.of(c[0]), 4 * Math.ulp(c[1]), "p = " + c[0]);
            assertEquals(-c[1], NormalQuantile.of(1 - c[0]), 1e-15 * Math.abs(c[1]) / Math.min(c[0], 1 - c[0]) + 4 * Math.ulp(c[1]));
        }
        assertEquals(0.0, NormalQuantile.of(0.5));
        assertEquals(Double.NEGATIVE_INFINITY, NormalQuantile.of(0));
        assertTrue(Double.isNaN(NormalQuantile.of(1.5)));
    }
}
