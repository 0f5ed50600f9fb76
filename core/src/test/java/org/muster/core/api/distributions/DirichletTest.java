package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.muster.core.api.transforms.Transforms;

class DirichletTest {

    @Test
    void twoCategoriesMatchTheBetaDensity() {
        for (double[] ab : new double[][] {{0.5, 0.5}, {2, 3}, {7.5, 1}}) {
            BetaDistribution beta = new BetaDistribution(ab[0], ab[1]);
            for (double theta : new double[] {0.05, 0.3, 0.5, 0.91}) {
                KernelBuffer b = new KernelBuffer(Dirichlet.INSTANCE, new double[] {theta, 1 - theta}, ab);
                assertEquals(Math.log(beta.density(theta)), b.logDensity(), 1e-12);
            }
        }
    }

    @Test
    void matchesTheClosedForm() {
        double[] alpha = {1.5, 2.0, 4.0};
        double[] theta = {0.2, 0.3, 0.5};
        // Γ(7.5) / (Γ(1.5) Γ(2) Γ(4)) · θ1^0.5 θ2^1 θ3^3
        double density = Gamma.gamma(7.5) / (Gamma.gamma(1.5) * 1.0 * 6.0)
                * Math.sqrt(0.2) * 0.3 * 0.125;
        assertEquals(Math.log(density), new KernelBuffer(Dirichlet.INSTANCE, theta, alpha).logDensity(), 1e-12);
        // Dirichlet(1, 1, 1) is uniform on the simplex, whose area in the first two coordinates is 1/2.
        assertEquals(Math.log(2),
                new KernelBuffer(Dirichlet.INSTANCE, theta, new double[] {1, 1, 1}).logDensity(), 1e-14);
    }

    @Test
    void outsideTheSupportIsMinusInfinity() {
        assertEquals(Double.NEGATIVE_INFINITY, new KernelBuffer(Dirichlet.INSTANCE,
                new double[] {0.5, 0.6}, new double[] {1, 1}).logDensity());
        assertEquals(Double.NEGATIVE_INFINITY, new KernelBuffer(Dirichlet.INSTANCE,
                new double[] {1.2, -0.2}, new double[] {1, 1}).logDensity());
        assertEquals(Double.NEGATIVE_INFINITY, new KernelBuffer(Dirichlet.INSTANCE,
                new double[] {0.5, 0.5}, new double[] {1, 0}).logDensity());
        assertEquals(Double.NEGATIVE_INFINITY, new KernelBuffer(Dirichlet.INSTANCE,
                new double[] {1, 0}, new double[] {1, 2}).logDensity());
        assertEquals(Math.log(1), new KernelBuffer(Dirichlet.INSTANCE,
                new double[] {1, 0}, new double[] {1, 1}).logDensity(), 0.0);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = {random.nextDouble(-1.5, 1.5), random.nextDouble(-1.5, 1.5), random.nextDouble(-1.5, 1.5)};
            double[] alpha = {random.nextDouble(0.2, 5), random.nextDouble(0.2, 5),
                    random.nextDouble(0.2, 5), random.nextDouble(0.2, 5)};
            double[] theta = new double[4];
            Transforms.simplex().constrain(x, 0, theta, 0, 4);
            KernelBuffer b = new KernelBuffer(Dirichlet.INSTANCE, theta, alpha);
            int a = b.argOffsets[0];
            b.assertGradientMatchesFiniteDifferences(a, a + 1, a + 2, a + 3);
            b.assertGradientAlongTransform(Transforms.simplex(), b.valueOffset, 4, x);
            double[] gradient = b.gradient(1.0);
            for (int k = 0; k < 4; k++) {
                assertEquals((alpha[k] - 1) / theta[k], gradient[b.valueOffset + k],
                        1e-12 * Math.abs(gradient[b.valueOffset + k]) + 1e-14);
            }
        }
    }

    @Test
    void checkSizesExplainsMismatches() {
        assertNull(Dirichlet.INSTANCE.checkSizes(3, new int[] {3}));
        assertEquals("alpha has length 3 but the value has length 4",
                Dirichlet.INSTANCE.checkSizes(4, new int[] {3}));
        assertEquals(5, Dirichlet.INSTANCE.defaultValueSize(new int[] {5}));
    }

    @Test
    void sampleMeansMatchWithinFiveStandardErrors() {
        double[] alpha = {0.3, 2.0, 5.0, 0.05};
        double total = 0;
        for (double a : alpha) {
            total += a;
        }
        int n = 20000;
        KernelBuffer b = new KernelBuffer(Dirichlet.INSTANCE, new double[4], alpha);
        SplittableRandom random = new SplittableRandom(2024);
        double[] sums = new double[4];
        for (int draw = 0; draw < n; draw++) {
            Dirichlet.INSTANCE.sample(random, b.buffer, b.valueOffset, 4, b.argOffsets, b.argSizes, b.scratchOffset);
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                double v = b.buffer[b.valueOffset + k];
                assertTrue(v >= 0 && Double.isFinite(v), "entry " + v);
                sums[k] += v;
                sum += v;
            }
            assertEquals(1.0, sum, 1e-14);
        }
        for (int k = 0; k < 4; k++) {
            double mean = alpha[k] / total;
            double variance = alpha[k] * (total - alpha[k]) / (total * total * (total + 1));
            double standardError = Math.sqrt(variance / n);
            assertEquals(mean, sums[k] / n, 5 * standardError, "mean of entry " + k);
        }
    }

    @Test
    void tinyConcentrationsStillGiveASimplex() {
        double[] alpha = {1e-3, 1e-3, 1e-3};
        KernelBuffer b = new KernelBuffer(Dirichlet.INSTANCE, new double[3], alpha);
        SplittableRandom random = new SplittableRandom(9);
        for (int draw = 0; draw < 200; draw++) {
            Dirichlet.INSTANCE.sample(random, b.buffer, b.valueOffset, 3, b.argOffsets, b.argSizes, b.scratchOffset);
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += b.buffer[b.valueOffset + k];
            }
            assertEquals(1.0, sum, 1e-14);
        }
    }
}
