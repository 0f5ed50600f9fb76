package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.junit.jupiter.api.Test;

class MultivariateNormalCholeskyTest {

    private static final MultivariateNormalCholesky KERNEL = MultivariateNormalCholesky.INSTANCE;

    /** A random lower-triangular factor with diagonal in [0.5, 2]; junk above the diagonal. */
    private static double[] randomFactor(SplittableRandom random, int order) {
        double[] factor = new double[order * order];
        for (int i = 0; i < order; i++) {
            for (int j = 0; j < order; j++) {
                factor[i * order + j] = j < i ? random.nextDouble(-1, 1)
                        : j == i ? random.nextDouble(0.5, 2) : 99.0;
            }
        }
        return factor;
    }

    private static double[][] covariance(double[] factor, int order) {
        double[][] covariance = new double[order][order];
        for (int i = 0; i < order; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k <= j; k++) {
                    sum += factor[i * order + k] * factor[j * order + k];
                }
                covariance[i][j] = sum;
                covariance[j][i] = sum;
            }
        }
        return covariance;
    }

    private static double[] randomVector(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-2, 2);
        }
        return v;
    }

    @Test
    void matchesCommonsMathDensity() {
        SplittableRandom random = new SplittableRandom(1);
        for (int order = 1; order <= 5; order++) {
            for (int trial = 0; trial < 10; trial++) {
                double[] mu = randomVector(random, order);
                double[] factor = randomFactor(random, order);
                double[] x = randomVector(random, order);
                double expected = Math.log(
                        new MultivariateNormalDistribution(mu, covariance(factor, order)).density(x));
                KernelBuffer b = new KernelBuffer(KERNEL, x, mu, factor);
                KernelBuffer.assertRelative(expected, b.logDensity(), 1e-9, "K = " + order);
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2);
        for (int order = 1; order <= 4; order++) {
            for (int trial = 0; trial < 10; trial++) {
                KernelBuffer b = new KernelBuffer(KERNEL, randomVector(random, order),
                        randomVector(random, order), randomFactor(random, order));
                int[] indices = new int[2 * order + order * (order + 1) / 2];
                int n = 0;
                for (int i = 0; i < order; i++) {
                    indices[n++] = b.valueOffset + i;
                    indices[n++] = b.argOffsets[0] + i;
                    for (int j = 0; j <= i; j++) {
                        indices[n++] = b.argOffsets[1] + i * order + j;
                    }
                }
                b.assertGradientMatchesFiniteDifferences(indices);
                double[] gradient = b.gradient(1.0);
                for (int i = 0; i < order; i++) {
                    for (int j = i + 1; j < order; j++) {
                        assertEquals(0.0, gradient[b.argOffsets[1] + i * order + j], 0.0, "upper triangle");
                    }
                }
            }
        }
    }

    @Test
    void nonPositiveDiagonalGivesMinusInfinity() {
        KernelBuffer b = new KernelBuffer(KERNEL, new double[] {0, 0}, new double[] {0, 0},
                new double[] {1, 0, 0.5, 0});
        assertEquals(Double.NEGATIVE_INFINITY, b.logDensity());
        assertThrows(IllegalArgumentException.class, () -> KERNEL.sample(new SplittableRandom(1),
                b.buffer, b.valueOffset, 2, b.argOffsets, b.argSizes, b.scratchOffset));
    }

    @Test
    void checkSizesExplainsMismatches() {
        assertNull(KERNEL.checkSizes(3, new int[] {3, 9}));
        assertEquals("mu has length 3 but the value has length 4", KERNEL.checkSizes(4, new int[] {3, 16}));
        assertEquals("L has length 8 but the value has length 3, which needs a 3 × 3 factor (9 entries)",
                KERNEL.checkSizes(3, new int[] {3, 8}));
        assertEquals(3, KERNEL.defaultValueSize(new int[] {3, 9}));
    }

    @Test
    void sampleMeanAndCovarianceMatchWithinFiveStandardErrors() {
        int order = 3;
        double[] mu = {1.0, -2.0, 0.5};
        double[] factor = {1.5, 0, 0, -0.6, 0.8, 0, 0.3, 0.9, 0.4};
        double[][] expected = covariance(factor, order);
        int n = 20000;
        double[][] draws = new double[n][];
        KernelBuffer b = new KernelBuffer(KERNEL, new double[order], mu, factor);
        SplittableRandom random = new SplittableRandom(77);
        for (int d = 0; d < n; d++) {
            KERNEL.sample(random, b.buffer, b.valueOffset, order, b.argOffsets, b.argSizes, b.scratchOffset);
            draws[d] = java.util.Arrays.copyOfRange(b.buffer, b.valueOffset, b.valueOffset + order);
        }
        for (int i = 0; i < order; i++) {
            double mean = 0;
            for (double[] draw : draws) {
                mean += draw[i];
            }
            mean /= n;
            assertEquals(mu[i], mean, 5 * Math.sqrt(expected[i][i] / n), "mean " + i);
        }
        for (int i = 0; i < order; i++) {
            for (int j = 0; j <= i; j++) {
                // Centred at the known mean: products are iid with variance S_ii S_jj + S_ij².
                double sum = 0;
                for (double[] draw : draws) {
                    sum += (draw[i] - mu[i]) * (draw[j] - mu[j]);
                }
                double standardError = Math.sqrt(
                        (expected[i][i] * expected[j][j] + expected[i][j] * expected[i][j]) / n);
                assertEquals(expected[i][j], sum / n, 5 * standardError, "covariance " + i + "," + j);
            }
        }
    }
}
