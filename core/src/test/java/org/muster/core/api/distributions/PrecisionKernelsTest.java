package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The kernels of BUGS's precision parameterization: the multivariate normal with a precision matrix
 * against the Cholesky-covariance kernel, the Wishart against the gamma it is for p = 1 and its mean,
 * the multinomial against the binomial; gradients against finite differences.
 */
class PrecisionKernelsTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(5);

    /** A random symmetric positive-definite K × K matrix, row-major. */
    private static double[] positiveDefinite(int k) {
        double[] a = new double[k * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = RANDOM.nextDouble(-1, 1);
        }
        double[] m = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = i == j ? k : 0;
                for (int l = 0; l < k; l++) {
                    s += a[i * k + l] * a[j * k + l];
                }
                m[i * k + j] = s;
            }
        }
        return m;
    }

    private static RealMatrix matrix(double[] rowMajor, int k) {
        double[][] rows = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(rowMajor, i * k, rows[i], 0, k);
        }
        return MatrixUtils.createRealMatrix(rows);
    }

    @Test
    void precisionNormalEqualsTheCholeskyCovarianceNormalAndMatchesItsGradient() {
        for (int trial = 0; trial < 30; trial++) {
            int k = 1 + RANDOM.nextInt(4);
            double[] omega = positiveDefinite(k);
            double[] x = RANDOM.doubles(k, -2, 2).toArray();
            double[] mu = RANDOM.doubles(k, -2, 2).toArray();
            RealMatrix covariance = MatrixUtils.inverse(matrix(omega, k));
            double[] factor = new double[k * k];
            RealMatrix l = new CholeskyDecomposition(covariance.add(covariance.transpose()).scalarMultiply(0.5)).getL();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    factor[i * k + j] = l.getEntry(i, j);
                }
            }
            double expected = new KernelBuffer(MultivariateNormalCholesky.INSTANCE, x, mu, factor).logDensity();
            KernelBuffer buffer = new KernelBuffer(MultivariateNormalPrecision.INSTANCE, x, mu, omega);
            assertEquals(expected, buffer.logDensity(), 1e-9 * Math.max(1, Math.abs(expected)));
            int[] all = new int[k + k + k * k];
            for (int i = 0; i < k; i++) {
                all[i] = buffer.valueOffset + i;
                all[k + i] = buffer.argOffsets[0] + i;
            }
            for (int i = 0; i < k * k; i++) {
                all[2 * k + i] = buffer.argOffsets[1] + i;
            }
            buffer.assertGradientMatchesFiniteDifferences(all);
        }
    }

    @Test
    void precisionNormalDrawsHaveTheInverseOfOmegaAsCovariance() {
        double[] omega = {2, 0.5, 0.5, 1};
        KernelBuffer buffer = new KernelBuffer(MultivariateNormalPrecision.INSTANCE, new double[2], new double[] {1, -1},
                omega);
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
        int n = 200_000;
        double s0 = 0;
        double s00 = 0;
        double s01 = 0;
        for (int i = 0; i < n; i++) {
            MultivariateNormalPrecision.INSTANCE.sample(random, buffer.buffer, buffer.valueOffset, 2, buffer.argOffsets,
                    buffer.argSizes, buffer.scratchOffset);
            double a = buffer.buffer[buffer.valueOffset] - 1;
            double b = buffer.buffer[buffer.valueOffset + 1] + 1;
            s0 += a;
            s00 += a * a;
            s01 += a * b;
        }
        double determinant = 2 * 1 - 0.25;
        assertEquals(0, s0 / n, 0.01);
        assertEquals(1 / determinant, s00 / n, 0.01);
        assertEquals(-0.5 / determinant, s01 / n, 0.01);
    }

    @Test
    void wishartOfOneDimensionIsAGammaAndMatchesItsGradient() {
        for (int trial = 0; trial < 30; trial++) {
            double w = Math.exp(RANDOM.nextDouble(-2, 2));
            double r = Math.exp(RANDOM.nextDouble(-1, 1));
            double k = 0.5 + 5 * RANDOM.nextDouble();
            // W ~ Wishart(R, k) in one dimension is Gamma(shape k/2, rate R/2).
            double expected = new GammaDistribution(null, k / 2, 2 / r).logDensity(w);
            KernelBuffer buffer = new KernelBuffer(Wishart.INSTANCE, new double[] {w}, new double[] {r}, new double[] {k});
            assertEquals(expected, buffer.logDensity(), 1e-9 * Math.max(1, Math.abs(expected)));
        }
        for (int trial = 0; trial < 30; trial++) {
            int p = 1 + RANDOM.nextInt(3);
            double[] w = positiveDefinite(p);
            double[] r = positiveDefinite(p);
            double k = p + 1 + 4 * RANDOM.nextDouble();
            KernelBuffer buffer = new KernelBuffer(Wishart.INSTANCE, w, r, new double[] {k});
            int[] all = new int[2 * p * p + 1];
            for (int i = 0; i < p * p; i++) {
                all[i] = buffer.valueOffset + i;
                all[p * p + i] = buffer.argOffsets[0] + i;
            }
            all[2 * p * p] = buffer.argOffsets[1];
            buffer.assertGradientMatchesFiniteDifferences(all);
            buffer.assertGradientAlongTransform(Wishart.INSTANCE.parameterTransform(), buffer.valueOffset, p * p,
                    RANDOM.doubles(p * (p + 1) / 2, -1, 1).toArray());
        }
    }

    @Test
    void wishartDrawsHaveMeanKTimesTheInverseOfR() {
        double[] r = {2, 0.6, 0.6, 1};
        double k = 5;
        KernelBuffer buffer = new KernelBuffer(Wishart.INSTANCE, new double[4], r, new double[] {k});
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(4);
        double[] mean = new double[4];
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            Wishart.INSTANCE.sample(random, buffer.buffer, buffer.valueOffset, 4, buffer.argOffsets, buffer.argSizes,
                    buffer.scratchOffset);
            for (int j = 0; j < 4; j++) {
                mean[j] += buffer.buffer[buffer.valueOffset + j] / n;
            }
        }
        double determinant = 2 - 0.36;
        double[] expected = {k / determinant, -0.6 * k / determinant, -0.6 * k / determinant, 2 * k / determinant};
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], mean[j], 0.03 * Math.max(1, Math.abs(expected[j])), "entry " + j);
        }
    }

    @Test
    void multinomialOfTwoCategoriesIsABinomialAndNormalizesItsProbabilities() {
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + RANDOM.nextInt(30);
            int x = RANDOM.nextInt(n + 1);
            double p = RANDOM.nextDouble(0.05, 0.95);
            double scale = Math.exp(RANDOM.nextDouble(-2, 2));
            KernelBuffer buffer = new KernelBuffer(Multinomial.INSTANCE, new double[] {x, n - x},
                    new double[] {p * scale, (1 - p) * scale}, new double[] {n});
            assertEquals(new BinomialDistribution(null, n, p).logProbability(x), buffer.logDensity(), 1e-9);
            buffer.assertGradientMatchesFiniteDifferences(buffer.argOffsets[0], buffer.argOffsets[0] + 1);
        }
        KernelBuffer wrongTotal = new KernelBuffer(Multinomial.INSTANCE, new double[] {1, 2}, new double[] {0.5, 0.5},
                new double[] {4});
        assertEquals(Double.NEGATIVE_INFINITY, wrongTotal.logDensity());
    }
}
