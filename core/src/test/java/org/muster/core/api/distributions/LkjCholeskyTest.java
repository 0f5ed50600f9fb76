package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muster.core.api.transforms.Transform;
import org.muster.core.api.transforms.Transforms;

class LkjCholeskyTest {

    private static final LkjCholesky KERNEL = LkjCholesky.INSTANCE;

    private static double logDensity(double[] factor, double eta) {
        return new KernelBuffer(KERNEL, factor, new double[] {eta}).logDensity();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0})
    void twoByTwoDensityOfTheCorrelationIntegratesToOne(double eta) {
        // r = tanh(t) maps (-1, 1) onto the line; the trapezoid rule converges geometrically for the
        // smooth, exponentially decaying integrand, even where (1 - r²)^(η-1) is singular at ±1.
        double step = 0.005;
        double integral = 0;
        double[] factor = new double[4];
        for (double t = -40; t <= 40 + 1e-9; t += step) {
            double r = Math.tanh(t);
            double sech = 1 / Math.cosh(t);
            factor[0] = 1;
            factor[2] = r;
            factor[3] = sech;
            integral += Math.exp(logDensity(factor, eta)) * sech * sech * step;
        }
        assertEquals(1.0, integral, 1e-8, "eta = " + eta);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0})
    void twoByTwoDensityIsTheScaledBeta(double eta) {
        double r = 0.37;
        double expected = (eta - 1) * Math.log(1 - r * r) - (2 * eta - 1) * Math.log(2)
                - Beta.logBeta(eta, eta);
        assertEquals(expected, logDensity(new double[] {1, 0, r, Math.sqrt(1 - r * r)}, eta), 1e-12);
    }

    /** log c_K(η) by LKJ (2009) eq. 16, written out independently of the vine-level sum in the kernel. */
    private static double logLkjConstant(double eta, int order) {
        double exponentOfTwo = 0;
        double logBetas = 0;
        for (int k = 1; k <= order - 1; k++) {
            exponentOfTwo += (2 * eta - 2 + order - k) * (order - k);
            double b = eta + (order - k - 1) / 2.0;
            logBetas += (order - k) * Beta.logBeta(b, b);
        }
        return exponentOfTwo * Math.log(2) + logBetas;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0, 3.7})
    void threeByThreeMatchesTheClosedFormConstant(double eta) {
        double[] factor = new double[9];
        Transforms.choleskyCorrelation().constrain(new double[] {0.3, -0.8, 1.1}, 0, factor, 0, 9);
        double expected = -logLkjConstant(eta, 3)
                + (3 - 2 + 2 * eta - 2) * Math.log(factor[4]) + (2 * eta - 2) * Math.log(factor[8]);
        assertEquals(expected, logDensity(factor, eta), 1e-12);
    }

    @Test
    void threeByThreeDensityIntegratesToOneOverTheUnconstrainedSpace() {
        assertThreeByThreeIntegratesToOne(1.0);
    }

    /** The same 3-D quadrature at other shapes; about a second each, so with the long suites. */
    @Tag("statistical")
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0})
    void threeByThreeDensityIntegratesToOneForOtherShapes(double eta) {
        assertThreeByThreeIntegratesToOne(eta);
    }

    private static void assertThreeByThreeIntegratesToOne(double eta) {
        // ∫ p(L(x)) |J(x)| dx = 1, by the trapezoid rule on a grid over R³ (see the 2 × 2 case).
        // The integrand decays at least like exp(-2η|x|), so the range shrinks and the step with it
        // as η grows: 81 points a side over |x| ≤ 10 / η, truncation about exp(-20).
        Transform transform = Transforms.choleskyCorrelation();
        int half = 40;
        double step = 10.0 / Math.max(eta, 0.5) / half;
        double[] x = new double[3];
        double[] factor = new double[9];
        KernelBuffer b = new KernelBuffer(KERNEL, factor, new double[] {eta});
        double integral = 0;
        for (int i = -half; i <= half; i++) {
            x[0] = i * step;
            for (int j = -half; j <= half; j++) {
                x[1] = j * step;
                for (int k = -half; k <= half; k++) {
                    x[2] = k * step;
                    double logJacobian = transform.constrain(x, 0, b.buffer, b.valueOffset, 9);
                    integral += Math.exp(KERNEL.logDensity(b.buffer, b.valueOffset, 9, b.argOffsets,
                            b.argSizes, b.scratchOffset) + logJacobian);
                }
            }
        }
        assertEquals(1.0, integral * step * step * step, 1e-6, "eta = " + eta);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(8);
        for (int order = 1; order <= 5; order++) {
            int size = order * order;
            int free = order * (order - 1) / 2;
            for (int trial = 0; trial < 10; trial++) {
                double[] x = new double[free];
                for (int i = 0; i < free; i++) {
                    x[i] = random.nextDouble(-1.5, 1.5);
                }
                double[] factor = new double[size];
                Transforms.choleskyCorrelation().constrain(x, 0, factor, 0, size);
                double eta = random.nextDouble(0.3, 4);
                KernelBuffer b = new KernelBuffer(KERNEL, factor, new double[] {eta});
                b.assertGradientMatchesFiniteDifferences(b.argOffsets[0]);
                b.assertGradientAlongTransform(Transforms.choleskyCorrelation(), b.valueOffset, size, x);
                double[] gradient = b.gradient(1.0);
                for (int i = 0; i < order; i++) {
                    for (int j = 0; j < order; j++) {
                        if (i != j) {
                            assertEquals(0.0, gradient[b.valueOffset + i * order + j], 0.0);
                        }
                    }
                    double expected = i == 0 ? 0 : (order - i - 3 + 2 * eta) / factor[i * order + i];
                    assertEquals(expected, gradient[b.valueOffset + i * order + i], 1e-12 * Math.abs(expected));
                }
            }
        }
    }

    @Test
    void invalidFactorsOrEtaGiveMinusInfinity() {
        double[] identity = {1, 0, 0, 1};
        assertEquals(0.0 - (1) * Math.log(2) - Beta.logBeta(1, 1), logDensity(identity, 1.0), 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, logDensity(identity, 0.0));
        assertEquals(Double.NEGATIVE_INFINITY, logDensity(new double[] {1, 0, 0.6, -0.8}, 1.0));
        assertEquals(Double.NEGATIVE_INFINITY, logDensity(new double[] {1, 0, 0.6, 0.9}, 1.0));
        assertEquals(Double.NEGATIVE_INFINITY, logDensity(new double[] {1, 0.1, 0.6, 0.8}, 1.0));
        assertEquals(0.0, logDensity(new double[] {1}, 2.0), 0.0);
    }

    @Test
    void checkSizesExplainsMismatches() {
        assertNull(KERNEL.checkSizes(9, new int[] {1}));
        assertTrue(KERNEL.checkSizes(8, new int[] {1}).contains("not K × K"));
        assertEquals("eta has length 2 but must be a scalar (length 1)", KERNEL.checkSizes(9, new int[] {2}));
        assertEquals(-1, KERNEL.defaultValueSize(new int[] {1}));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void sampledCorrelationsHaveTheBetaMarginalVariance(int order) {
        for (double eta : new double[] {0.7, 2.0}) {
            int n = 20000;
            int size = order * order;
            KernelBuffer b = new KernelBuffer(KERNEL, new double[size], new double[] {eta});
            SplittableRandom random = new SplittableRandom(31 * order);
            int pairs = order * (order - 1) / 2;
            double[] sumSquares = new double[pairs];
            double[] sumFourth = new double[pairs];
            for (int d = 0; d < n; d++) {
                KERNEL.sample(random, b.buffer, b.valueOffset, size, b.argOffsets, b.argSizes, b.scratchOffset);
                assertTrue(Double.isFinite(b.logDensity()), "draw outside the support");
                int p = 0;
                for (int i = 0; i < order; i++) {
                    for (int j = 0; j < i; j++) {
                        double r = 0;
                        for (int k = 0; k <= j; k++) {
                            r += b.buffer[b.valueOffset + i * order + k] * b.buffer[b.valueOffset + j * order + k];
                        }
                        sumSquares[p] += r * r;
                        sumFourth[p] += r * r * r * r;
                        p++;
                    }
                }
            }
            double expected = 1 / (2 * (eta - 1 + order / 2.0) + 1);
            for (int p = 0; p < pairs; p++) {
                // The mean is 0 by symmetry, so E[r²] is the variance; its standard error from E[r⁴].
                double variance = sumSquares[p] / n;
                double standardError = Math.sqrt((sumFourth[p] / n - variance * variance) / n);
                assertEquals(expected, variance, 5 * standardError,
                        "K = " + order + ", eta = " + eta + ", pair " + p);
            }
        }
    }
}
