package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the variate generators against their distributions with fixed seeds: moments within five
 * Monte Carlo standard errors, and goodness of fit (chi-square for counts, Kolmogorov–Smirnov for
 * reals) at thresholds a correct generator exceeds with probability below about 1e-5.
 */
class RandomVariatesTest {

    private static final int DRAWS = 20_000;
    private static final double STANDARD_ERRORS = 5;
    /** sqrt(n) times the Kolmogorov–Smirnov distance exceeds this with probability about 1e-5. */
    private static final double KOLMOGOROV_THRESHOLD = 2.4;

    private static RandomGenerator seeded(String label) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(label.hashCode() + 7L);
    }

    @ParameterizedTest
    @CsvSource({"0.05", "0.3", "0.7", "1", "3.7", "40"})
    void gammaHasUnitRateMomentsAndDistribution(double shape) {
        RandomGenerator random = seeded("gamma" + shape);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = RandomVariates.gamma(random, shape);
            assertTrue(draws[i] >= 0);
        }
        SampleMoments.check("gamma " + shape, draws, shape, shape, STANDARD_ERRORS);
        assertKolmogorovSmirnov(draws, new GammaDistribution(null, shape, 1));
    }

    @ParameterizedTest
    @CsvSource({"2, 5", "0.3, 0.6", "0.5, 0.5", "30, 4"})
    void betaHasItsMomentsAndDistribution(double a, double b) {
        RandomGenerator random = seeded("beta" + a + "," + b);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = RandomVariates.beta(random, a, b);
            assertTrue(draws[i] >= 0 && draws[i] <= 1);
        }
        double sum = a + b;
        SampleMoments.check("beta", draws, a / sum, a * b / (sum * sum * (sum + 1)), STANDARD_ERRORS);
        assertKolmogorovSmirnov(draws, new BetaDistribution(null, a, b));
    }

    /** Means below 10 take the inversion branch, the others PTRS. */
    @ParameterizedTest
    @CsvSource({"0.01", "0.7", "3.5", "9.99", "10", "37.3", "1000", "1e6"})
    void poissonFitsItsMassFunction(double mean) {
        RandomGenerator random = seeded("poisson" + mean);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = RandomVariates.poisson(random, mean);
        }
        SampleMoments.check("poisson " + mean, draws, mean, mean, STANDARD_ERRORS);
        assertChiSquare(draws, new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS), mean, Math.sqrt(mean));
    }

    /**
     * Means n·min(p, 1-p) below 10 take the inversion branch, the others BTRD; p above one half
     * goes through the flip; the large cases reach BTRD's squeeze and its Stirling-form test.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.5", "20, 0.3", "100, 0.09", "30, 0.9", "100, 0.1", "1000, 0.4", "200, 0.85",
        "5000, 0.004", "1000000, 0.5", "2000000000, 0.3"})
    void binomialFitsItsMassFunction(int n, double p) {
        RandomGenerator random = seeded("binomial" + n + "," + p);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            int k = RandomVariates.binomial(random, n, p);
            assertTrue(k >= 0 && k <= n);
            draws[i] = k;
        }
        double mean = n * p;
        double variance = mean * (1 - p);
        SampleMoments.check("binomial", draws, mean, variance, STANDARD_ERRORS);
        assertChiSquare(draws, new BinomialDistribution(null, n, p), mean, Math.sqrt(variance));
    }

    @Test
    void degenerateArgumentsGiveTheirOnlyValue() {
        RandomGenerator random = seeded("degenerate");
        assertEquals(0.0, RandomVariates.poisson(random, 0));
        assertEquals(0, RandomVariates.binomial(random, 0, 0.5));
        assertEquals(0, RandomVariates.binomial(random, 17, 0));
        assertEquals(17, RandomVariates.binomial(random, 17, 1));
    }

    @Test
    void invalidArgumentsAreRejected() {
        RandomGenerator random = seeded("invalid");
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.poisson(random, -1));
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.poisson(random, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> RandomVariates.poisson(random, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.binomial(random, -1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.binomial(random, 5, 1.5));
        assertThrows(IllegalArgumentException.class,
                () -> RandomVariates.binomial(random, 5, Double.NaN));
    }

    private static void assertKolmogorovSmirnov(double[] draws, RealDistribution distribution) {
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double distance = 0;
        for (int i = 0; i < n; i++) {
            double cdf = distribution.cumulativeProbability(sorted[i]);
            distance = Math.max(distance, Math.max(cdf - (double) i / n, (i + 1.0) / n - cdf));
        }
        assertTrue(Math.sqrt(n) * distance < KOLMOGOROV_THRESHOLD,
                "Kolmogorov-Smirnov sqrt(n) D = " + Math.sqrt(n) * distance);
    }

    /**
     * Pearson's chi-square over consecutive values grouped to at least 20 expected draws each,
     * tails folded into the end groups; fails beyond df + 6 sqrt(2 df), six standard deviations.
     */
    private static void assertChiSquare(double[] draws, IntegerDistribution distribution, double mean,
            double sd) {
        int n = draws.length;
        int lowest = (int) Math.max(0, Math.floor(mean - 8 * sd - 5));
        int highest = (int) Math.ceil(mean + 8 * sd + 5);
        int width = highest - lowest + 1;
        double[] expected = new double[width];
        long[] observed = new long[width];
        for (int k = lowest; k <= highest; k++) {
            expected[k - lowest] = n * distribution.probability(k);
        }
        expected[0] += n * distribution.cumulativeProbability(lowest - 1);
        expected[width - 1] += n * (1 - distribution.cumulativeProbability(highest));
        for (double draw : draws) {
            int k = (int) Math.min(Math.max(draw, lowest), highest);
            observed[k - lowest]++;
        }
        // remaining[i]: expected draws at index i and above, so a group is not closed when the
        // rest would be too small to form one.
        double[] remaining = new double[width + 1];
        for (int i = width - 1; i >= 0; i--) {
            remaining[i] = remaining[i + 1] + expected[i];
        }
        double statistic = 0;
        int groups = 0;
        double groupExpected = 0;
        long groupObserved = 0;
        for (int i = 0; i < width; i++) {
            groupExpected += expected[i];
            groupObserved += observed[i];
            if ((groupExpected >= 20 && remaining[i + 1] >= 20) || i == width - 1) {
                double difference = groupObserved - groupExpected;
                statistic += difference * difference / groupExpected;
                groups++;
                groupExpected = 0;
                groupObserved = 0;
            }
        }
        int degreesOfFreedom = Math.max(1, groups - 1);
        double threshold = degreesOfFreedom + 6 * Math.sqrt(2.0 * degreesOfFreedom);
        assertTrue(statistic < threshold, "chi-square " + statistic + " on " + degreesOfFreedom
                + " degrees of freedom");
    }
}
