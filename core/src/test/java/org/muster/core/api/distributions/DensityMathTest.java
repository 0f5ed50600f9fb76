package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/** The allocation-free special functions agree with commons-math3's. */
class DensityMathTest {

    @Test
    void logGammaAgreesWithCommons() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
        for (int i = 0; i < 2000; i++) {
            double x = Math.exp(-5 + 10 * random.nextDouble());
            double expected = Gamma.logGamma(x);
            assertEquals(expected, DensityMath.logGamma(x), 1e-14 * Math.max(1, Math.abs(expected)),
                    "x = " + x);
        }
        // Near the zeros at 1 and 2 the relative accuracy is kept, as in commons.
        for (double x : new double[] {1 + 1e-9, 2 - 1e-9, 1, 2, 0.5, 2.5, 8, 1e-300, 1e-8, 7.99, 8.01, 50, 1e6}) {
            double expected = Gamma.logGamma(x);
            assertEquals(expected, DensityMath.logGamma(x), 1e-14 * Math.max(Math.abs(expected), 1e-300), "x = " + x);
        }
        assertTrue(Double.isNaN(DensityMath.logGamma(0)) || DensityMath.logGamma(0) == Gamma.logGamma(0));
        assertTrue(Double.isNaN(DensityMath.logGamma(-1.5)));
    }

    @Test
    void logInverseLogitIsStableForLargeArguments() {
        assertEquals(-700.0, DensityMath.logInverseLogit(-700), 1e-12);
        assertEquals(0.0, DensityMath.logInverseLogit(700), 1e-300);
        assertEquals(-Math.log(2), DensityMath.logInverseLogit(0), 1e-16);
        assertEquals(1.0, DensityMath.inverseLogit(800), 0.0);
        assertEquals(0.0, DensityMath.inverseLogit(-800), 1e-300);
    }
}
