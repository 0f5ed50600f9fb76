package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelDensityTest {

    @Test
    void silvermanBandwidthOfKnownValues() {
        // 1..5: sd sqrt(2.5), IQR (type 7) 4 - 2 = 2, so min(1.5811, 1.4925) = 1.4925.
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(0.9 * (2 / 1.34) * Math.pow(5, -0.2), KernelDensity.silvermanBandwidth(sorted), 1e-12);
    }

    @Test
    void densityOfNormalDrawsIntegratesToNearlyOneAndPeaksNearTheNormalDensity() {
        Random random = new Random(3);
        double[] draws = new double[4000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = random.nextGaussian();
        }
        KernelDensity density = KernelDensity.estimate(draws, 200);
        double[] x = density.x();
        double[] y = density.density();
        double integral = 0;
        double atZero = 0;
        for (int i = 1; i < x.length; i++) {
            integral += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
            if (x[i - 1] <= 0 && x[i] > 0) {
                atZero = y[i];
            }
        }
        // The grid stops at the extreme draws, which cuts off about half a kernel's mass at each end.
        assertEquals(1, integral, 0.02);
        // The smoothed density of N(0, 1) at 0 is 1/sqrt(2 pi (1 + h^2)).
        double h = density.bandwidth();
        assertEquals(1 / Math.sqrt(2 * Math.PI * (1 + h * h)), atZero, 0.03);
        assertEquals(x[0], java.util.Arrays.stream(draws).min().orElseThrow());
        assertEquals(x[x.length - 1], java.util.Arrays.stream(draws).max().orElseThrow(), 1e-12);
    }

    @Test
    void equalDrawsAreAPointMass() {
        KernelDensity density = KernelDensity.estimate(new double[] {2, 2, 2}, 10);
        assertEquals(0, density.bandwidth());
        assertTrue(Double.isInfinite(density.density()[5]));
        assertEquals(2, density.x()[0]);
    }

    @Test
    void tooFewDrawsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> KernelDensity.estimate(new double[] {1}, 10));
    }
}
