package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.distribution.LogisticDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.junit.jupiter.api.Test;
import org.muster.core.api.transforms.MemberBounds;
import org.muster.core.api.transforms.Transforms;

/**
 * The kernels BUGS models need beyond Stan's set: logistic, Weibull, Pareto, truncation and
 * member-wise restriction. Densities against commons-math3 or numerical integration, gradients
 * against five-point finite differences, draws against known means.
 */
class BugsUnivariateKernelsTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(18);

    private static double fivePoint(DoubleUnaryOperator f, double x) {
        double h = 1e-4 * Math.max(Math.abs(x), 0.1);
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
                - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    /** Checks every real argument's partial derivative (x and the first {@code parameters}) at a point. */
    private static void assertGradient(UnivariateDistribution kernel, double x, double a, double b, double c,
            int parameters) {
        double[] gradient = new double[4];
        double logDensity = kernel.logDensityGradient(x, a, b, c, gradient);
        assertEquals(kernel.logDensity(x, a, b, c), logDensity, 1e-12 * Math.abs(logDensity));
        double[] point = {x, a, b, c};
        for (int i = 0; i <= parameters; i++) {
            if (i == 0 && kernel.support().isDiscrete()) {
                continue;
            }
            final int index = i;
            double expected = fivePoint(v -> {
                double[] p = point.clone();
                p[index] = v;
                return kernel.logDensity(p[0], p[1], p[2], p[3]);
            }, point[i]);
            assertEquals(expected, gradient[i], 1e-6 * Math.max(1, Math.abs(expected)),
                    kernel.name() + " entry " + i + " at " + java.util.Arrays.toString(point));
        }
    }

    private static double sampleMean(UnivariateDistribution kernel, double a, double b, double c, int n) {
        java.util.random.RandomGenerator random = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += kernel.sample(random, a, b, c);
        }
        return sum / n;
    }

    @Test
    void logisticMatchesCommonsAndItsGradient() {
        for (int trial = 0; trial < 200; trial++) {
            double mu = RANDOM.nextDouble(-5, 5);
            double sigma = Math.exp(RANDOM.nextDouble(-1.5, 1.5));
            double x = mu + sigma * RANDOM.nextDouble(-8, 8);
            assertEquals(new LogisticDistribution(mu, sigma).logDensity(x), Logistic.INSTANCE.logDensity(x, mu, sigma, 0),
                    1e-10);
            assertGradient(Logistic.INSTANCE, x, mu, sigma, 0, 2);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Logistic.INSTANCE.logDensity(0, 0, -1, 0));
        assertEquals(1.5, sampleMean(Logistic.INSTANCE, 1.5, 2, 0, 200_000), 5 * 2 * Math.PI / Math.sqrt(3 * 200_000));
    }

    @Test
    void weibullMatchesCommonsAndItsGradient() {
        for (int trial = 0; trial < 200; trial++) {
            double alpha = Math.exp(RANDOM.nextDouble(-1, 1.5));
            double sigma = Math.exp(RANDOM.nextDouble(-1, 2));
            double x = sigma * Math.exp(RANDOM.nextDouble(-2, 1));
            assertEquals(new WeibullDistribution(alpha, sigma).logDensity(x), Weibull.INSTANCE.logDensity(x, alpha, sigma, 0),
                    1e-9 * Math.max(1, Math.abs(Weibull.INSTANCE.logDensity(x, alpha, sigma, 0))));
            assertGradient(Weibull.INSTANCE, x, alpha, sigma, 0, 2);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Weibull.INSTANCE.logDensity(-1, 2, 1, 0));
        double mean = 3 * org.apache.commons.math3.special.Gamma.gamma(1 + 1 / 2.0);
        assertEquals(mean, sampleMean(Weibull.INSTANCE, 2, 3, 0, 100_000), 0.02);
    }

    @Test
    void paretoMatchesCommonsAndItsGradient() {
        for (int trial = 0; trial < 200; trial++) {
            double yMin = Math.exp(RANDOM.nextDouble(-2, 2));
            double alpha = Math.exp(RANDOM.nextDouble(-1, 2));
            double x = yMin * Math.exp(RANDOM.nextDouble(0.01, 3));
            assertEquals(new ParetoDistribution(yMin, alpha).logDensity(x), Pareto.INSTANCE.logDensity(x, yMin, alpha, 0),
                    1e-10 * Math.max(1, Math.abs(Pareto.INSTANCE.logDensity(x, yMin, alpha, 0))));
            assertGradient(Pareto.INSTANCE, x, yMin, alpha, 0, 2);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Pareto.INSTANCE.logDensity(0.5, 1, 3, 0));
        assertEquals(3 * 2 / 2.0, sampleMean(Pareto.INSTANCE, 2, 3, 0, 200_000), 0.02);
    }

    /** The truncated density integrates to one over its bounds, for one continuous kernel. */
    private static void assertNormalized(Truncated kernel, double a, double b, double lower, double upper) {
        double integral = new SimpsonIntegrator(1e-10, 1e-10, 3, 30)
                .integrate(1_000_000, x -> Math.exp(kernel.logDensity(x, a, b, 0)), lower, upper);
        assertEquals(1.0, integral, 1e-6, kernel.name() + " at (" + a + ", " + b + ")");
    }

    @Test
    void truncatedContinuousDensitiesIntegrateToOneAndMatchTheirGradients() {
        assertNormalized(Truncated.of(Normal.INSTANCE, 0, Double.POSITIVE_INFINITY), 1.0, 2.0, 0, 40);
        assertNormalized(Truncated.of(Normal.INSTANCE, -1, 2), 3.0, 0.7, -1, 2);
        assertNormalized(Truncated.of(Gamma.INSTANCE, 0.5, 4), 2.5, 1.5, 0.5, 4);
        assertNormalized(Truncated.of(Weibull.INSTANCE, 1, 3), 1.7, 2.0, 1, 3);
        assertNormalized(Truncated.of(LogNormal.INSTANCE, Double.NEGATIVE_INFINITY, 2), 0.3, 0.8, 1e-12, 2);
        assertNormalized(Truncated.of(Logistic.INSTANCE, -2, 5), 1, 1.5, -2, 5);
        assertNormalized(Truncated.of(Exponential.INSTANCE, 1, 2), 0.5, 0, 1, 2);
        assertNormalized(Truncated.of(Beta.INSTANCE, 0.2, 0.9), 2, 3, 0.2, 0.9);
        Truncated t = Truncated.of(StudentT.INSTANCE, -1, 3);
        double integral = new SimpsonIntegrator(1e-10, 1e-10, 3, 30)
                .integrate(1_000_000, x -> Math.exp(t.logDensity(x, 4, 0.5, 1.5)), -1, 3);
        assertEquals(1.0, integral, 1e-6);
        for (int trial = 0; trial < 100; trial++) {
            double mu = RANDOM.nextDouble(-3, 3);
            double sigma = Math.exp(RANDOM.nextDouble(-1, 1));
            assertGradient(Truncated.of(Normal.INSTANCE, -1, 2), RANDOM.nextDouble(-1, 2), mu, sigma, 0, 2);
            assertGradient(Truncated.of(Normal.INSTANCE, 0, Double.POSITIVE_INFINITY), RANDOM.nextDouble(0, 4), mu, sigma, 0, 2);
            assertGradient(Truncated.of(Gamma.INSTANCE, 0.5, 4), RANDOM.nextDouble(0.5, 4), 1 + 3 * RANDOM.nextDouble(),
                    sigma, 0, 2);
            assertGradient(Truncated.of(Weibull.INSTANCE, 1, Double.POSITIVE_INFINITY), RANDOM.nextDouble(1, 5),
                    0.5 + RANDOM.nextDouble(), 1 + RANDOM.nextDouble(), 0, 2);
            assertGradient(Truncated.of(StudentT.INSTANCE, -1, 3), RANDOM.nextDouble(-1, 3), 2 + 5 * RANDOM.nextDouble(),
                    mu, sigma, 3);
            assertGradient(Truncated.of(Logistic.INSTANCE, Double.NEGATIVE_INFINITY, 1), RANDOM.nextDouble(-4, 1), mu,
                    sigma, 0, 2);
            assertGradient(Truncated.of(Beta.INSTANCE, 0.1, 0.8), RANDOM.nextDouble(0.1, 0.8), 1 + RANDOM.nextDouble(),
                    1 + 2 * RANDOM.nextDouble(), 0, 2);
        }
    }

    @Test
    void truncatedCountsSumToOneWithInclusiveBounds() {
        Truncated zeroTruncated = Truncated.of(Poisson.INSTANCE, 1, Double.POSITIVE_INFINITY);
        double total = 0;
        for (int k = 0; k < 200; k++) {
            total += Math.exp(zeroTruncated.logDensity(k, 3.5, 0, 0));
        }
        assertEquals(1.0, total, 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, zeroTruncated.logDensity(0, 3.5, 0, 0));
        assertEquals(Poisson.INSTANCE.logDensity(2, 3.5, 0, 0) - Math.log(1 - Math.exp(-3.5)),
                zeroTruncated.logDensity(2, 3.5, 0, 0), 1e-12);
        Truncated window = Truncated.of(Binomial.INSTANCE, 2, 5);
        total = 0;
        for (int k = 0; k <= 10; k++) {
            total += Math.exp(window.logDensity(k, 10, 0.3, 0));
        }
        assertEquals(1.0, total, 1e-12);
        for (int trial = 0; trial < 50; trial++) {
            assertGradient(zeroTruncated, 1 + RANDOM.nextInt(6), Math.exp(RANDOM.nextDouble(-1, 2)), 0, 0, 1);
            double[] gradient = new double[4];
            double p = RANDOM.nextDouble(0.05, 0.95);
            window.logDensityGradient(3, 10, p, 0, gradient);
            double expected = fivePoint(q -> window.logDensity(3, 10, q, 0), p);
            assertEquals(expected, gradient[2], 1e-6 * Math.max(1, Math.abs(expected)));
        }
        assertEquals(Transforms.discrete(), zeroTruncated.parameterTransform());
    }

    @Test
    void truncatedParametersAreSampledOnTheirBoundsAndDrawsStayInside() {
        assertEquals(Transforms.lower(0), Truncated.of(Normal.INSTANCE, 0, Double.POSITIVE_INFINITY).parameterTransform());
        assertEquals(Transforms.interval(-1, 2), Truncated.of(Normal.INSTANCE, -1, 2).parameterTransform());
        assertEquals(Transforms.interval(0, 3), Truncated.of(Gamma.INSTANCE, Double.NEGATIVE_INFINITY, 3)
                .parameterTransform());
        Truncated kernel = Truncated.of(Normal.INSTANCE, 1, 1.5);
        java.util.random.RandomGenerator random = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        for (int i = 0; i < 1000; i++) {
            double x = kernel.sample(random, 0, 1, 0);
            assertTrue(x >= 1 && x <= 1.5);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Truncated.of(Cauchy.INSTANCE, 0, 1)).getMessage()
                .startsWith("cannot truncate cauchy"));
        assertThrows(IllegalArgumentException.class, () -> Truncated.of(Normal.INSTANCE, 2, 1));
    }

    @Test
    void restrictedKeepsTheBaseDensityAndBoundsEachMember() {
        Restricted kernel = Restricted.of(Weibull.INSTANCE, new double[] {2, Double.NEGATIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY, 5});
        assertEquals(Weibull.INSTANCE.logDensity(3, 1.5, 2, 0), kernel.logDensity(3, 1.5, 2, 0));
        MemberBounds bounds = (MemberBounds) kernel.parameterTransform();
        assertEquals(2, bounds.lower(0));
        assertEquals(0, bounds.lower(1), "a positive base bounds the support at 0");
        assertEquals(5, bounds.upper(1));
        assertThrows(IllegalArgumentException.class, () -> Restricted.of(Poisson.INSTANCE, new double[1], new double[] {1}));
    }
}
