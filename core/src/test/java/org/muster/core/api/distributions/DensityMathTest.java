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
        // Whole numbers come from a table; it agrees with commons and with the formulas off the table.
        for (int k = 1; k <= 5000; k += (k < 20 ? 1 : 37)) {
            double expected = Gamma.logGamma(k);
            assertEquals(expected, DensityMath.logGamma(k), 1e-14 * Math.max(1, Math.abs(expected)), "k = " + k);
        }
        assertEquals(DensityMath.logGamma(100.5) - DensityMath.logGamma(99.5), Math.log(99.5), 1e-13);
        // Above 8, Stirling's series, against mpmath 1.3 at 30 digits.
        double[][] reference = {{8.01, 8.545324429747733363}, {20.5, 40.83150097453079811},
            {1000.25, 5906.947268271117177}, {1e10, 220258509288.81058147}};
        for (double[] r : reference) {
            assertEquals(r[1], DensityMath.logGamma(r[0]), 4e-16 * Math.abs(r[1]) + 1e-15, "x = " + r[0]);
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

    @Test
    void digammaMatchesKnownValuesAndCommons() {
        double eulerGamma = 0.57721566490153286061;
        // Exact values: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(n) = −γ + Σ_{k<n} 1/k.
        // The upward recurrence costs a few ulps of the shifted sum (about 3 near x = 1).
        assertEquals(-eulerGamma, DensityMath.digamma(1), 4e-15);
        assertEquals(-eulerGamma - 2 * Math.log(2), DensityMath.digamma(0.5), 4e-15);
        double harmonic = 0;
        for (int n = 1; n <= 30; n++) {
            assertEquals(-eulerGamma + harmonic, DensityMath.digamma(n), 4e-15 * Math.max(1, Math.abs(harmonic)),
                    "psi(" + n + ")");
            harmonic += 1.0 / n;
        }
        // ψ(x) − ψ(x + 1) = −1/x holds to rounding, including across the shift threshold at 10.
        for (double x = 0.01; x < 40; x *= 1.37) {
            assertEquals(-1 / x, DensityMath.digamma(x) - DensityMath.digamma(x + 1), 1e-14 * Math.max(1, 1 / x),
                    "recurrence at " + x);
        }
        // Reference values from mpmath 1.3 at 30 digits (the inputs are the doubles written here).
        double[][] reference = {{0.001, -1000.5755719318103005}, {0.25, -4.2274535333762654081},
            {1.4159316520774585, -0.045173235306405469701}, {3.7, 1.1671535393615113859},
            {9.999, 2.2516474172057352559}, {10.5, 2.3030010342976863753}, {123.456, 4.8118293238289853873},
            {1e6, 13.815510057964190771}};
        for (double[] r : reference) {
            assertEquals(r[1], DensityMath.digamma(r[0]), 4e-15 * Math.max(1, Math.abs(r[1])), "psi(" + r[0] + ")");
        }
        // Near its root (x ≈ 1.4616) ψ is tiny; the absolute error stays at rounding level.
        assertEquals(0, DensityMath.digamma(1.4616321449683622), 4e-15);
        // Gauss's duplication formula ψ(2x) = ψ(x)/2 + ψ(x + 1/2)/2 + ln 2 checks arbitrary points independently.
        // (commons-math3 3.6.1's digamma is off by up to ~3e-9 here, e.g. at 1.41593165: it is not the reference.)
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(77);
        for (int i = 0; i < 10_000; i++) {
            double x = Math.exp(random.nextDouble(-8, 9));
            double expected = 0.5 * DensityMath.digamma(x) + 0.5 * DensityMath.digamma(x + 0.5) + Math.log(2);
            assertEquals(expected, DensityMath.digamma(2 * x), 1e-14 * Math.max(1, Math.abs(expected)), "x = " + x);
            assertEquals(Gamma.digamma(x), DensityMath.digamma(x), 1e-8 * Math.max(1, Math.abs(expected)), "x = " + x);
        }
        assertTrue(Double.isNaN(DensityMath.digamma(Double.NaN)));
        assertEquals(Gamma.digamma(-2.5), DensityMath.digamma(-2.5), 0.0, "negative x goes to commons");
    }

    @Test
    void log1pUnitAgreesWithLog1pToTheLastBitOfALogDensity() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
        for (int i = 0; i < 100_000; i++) {
            // log-uniform over [1e-12, 1] so both the series and the log branch are exercised
            double e = Math.exp(random.nextDouble(Math.log(1e-12), 0));
            double exact = Math.log1p(e);
            assertEquals(exact, DensityMath.log1pUnit(e), 2.3e-16, "e = " + e);
            assertEquals(exact, DensityMath.log1pUnit(e), 1e-11 * exact, "relative, e = " + e);
        }
        assertEquals(0.0, DensityMath.log1pUnit(0.0));
    }

    @Test
    void bernoulliLogitGradientAgreesWithItsClosedForm() {
        double[] gradient = new double[4];
        for (double alpha = -40; alpha <= 40; alpha += 0.173) {
            for (int y = 0; y <= 1; y++) {
                double p = 1 / (1 + Math.exp(-alpha));
                double logDensity = BernoulliLogit.INSTANCE.logDensityGradient(y, alpha, 0, 0, gradient);
                double expected = y == 1 ? -Math.log1p(Math.exp(-alpha)) : -Math.log1p(Math.exp(alpha));
                assertEquals(expected, logDensity, 1e-15 * Math.max(1, Math.abs(expected)), "log p at " + alpha);
                assertEquals(logDensity, BernoulliLogit.INSTANCE.logDensity(y, alpha, 0, 0), 1e-15 * Math.max(1, Math.abs(expected)));
                assertEquals(y - p, gradient[1], 1e-15, "gradient at " + alpha);
            }
        }
    }

    @Test
    void differencesOfLogGammaAndDigammaMatchSumsOfLogsAndReciprocalsAtAnyScale() {
        // log Γ(x + k) − log Γ(x) = Σ_{i<k} log(x + i) and ψ(x + k) − ψ(x) = Σ_{i<k} 1/(x + i) for whole k.
        for (double x : new double[] {0.3, 2.5, 7.9, 8.0, 12.5, 1e3, 1e8, 3e15}) {
            for (int k : new int[] {0, 1, 3, 17, 250}) {
                double logs = 0;
                double reciprocals = 0;
                for (int i = 0; i < k; i++) {
                    logs += Math.log(x + i);
                    reciprocals += 1 / (x + i);
                }
                assertEquals(logs, DensityMath.logGammaDifference(x, k), 1e-13 * Math.max(1, Math.abs(logs)), x + ", " + k);
                assertEquals(reciprocals, DensityMath.digammaDifference(x, k), 1e-13 * Math.max(1e-300, reciprocals),
                        x + ", " + k);
            }
        }
        assertEquals(DensityMath.logGamma(3.7 + 0.45) - DensityMath.logGamma(3.7), DensityMath.logGammaDifference(3.7, 0.45),
                1e-14);
        // psi(11.25) - psi(10.5) to 30 digits by mpmath (commons-math3's digamma is off by 6e-11 here).
        assertEquals(0.0722647319987936915898520218625, DensityMath.digammaDifference(10.5, 0.75), 1e-15);
    }
}
