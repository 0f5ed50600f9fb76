package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.muster.core.api.distributions.BernoulliLogit;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.BinomialLogit;
import org.muster.core.api.distributions.Poisson;
import org.muster.core.api.distributions.PoissonLog;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * The plate-level count likelihood op against the generic op over the kernel's scalar methods, on
 * the same buffer: log density and argument adjoints for ordinary, extreme (|eta| up to 40, or
 * probabilities within 1e-17 of 0 and 1) and invalid (NaN, ±inf, out of range, at a bound) members.
 */
class CountDensityOpTest {

    private static final int SIZE = 9;

    @ParameterizedTest
    @EnumSource(CountDensityOp.Link.class)
    void matchesGenericOpOnOrdinaryPredictors(CountDensityOp.Link link) {
        compare(link, 3, 0, 1, SIZE);
    }

    /** More members than one block of the Bernoulli sweep's products, with a partial last block. */
    @ParameterizedTest
    @EnumSource(CountDensityOp.Link.class)
    void matchesGenericOpOnLongPlates(CountDensityOp.Link link) {
        compare(link, 6, 0, 4, 1300);
    }

    @ParameterizedTest
    @EnumSource(CountDensityOp.Link.class)
    void matchesGenericOpOnExtremePredictors(CountDensityOp.Link link) {
        boolean logScale = link == CountDensityOp.Link.POISSON_LOG || link == CountDensityOp.Link.POISSON;
        compare(link, logScale ? 12 : 40, 0, 2, SIZE);
    }

    @ParameterizedTest
    @EnumSource(CountDensityOp.Link.class)
    void matchesGenericOpWhenSomePredictorIsNotFinite(CountDensityOp.Link link) {
        compare(link, 3, 0.1, 3, SIZE);
    }

    @ParameterizedTest
    @EnumSource(CountDensityOp.Link.class)
    void refusesInvalidCounts(CountDensityOp.Link link) {
        UnivariateDistribution kernel = kernel(link);
        double[] trials = {3, 3};
        assertTrue(CountDensityOp.validCounts(kernel, new double[] {0, 1}, trials));
        assertFalse(CountDensityOp.validCounts(kernel, new double[] {0, link.hasTrials() ? 4 : 1.5},
                trials));
        assertFalse(CountDensityOp.validCounts(kernel, new double[] {-1, 0}, trials));
    }

    private static UnivariateDistribution kernel(CountDensityOp.Link link) {
        return switch (link) {
            case BERNOULLI_LOGIT -> BernoulliLogit.INSTANCE;
            case BINOMIAL_LOGIT -> BinomialLogit.INSTANCE;
            case POISSON_LOG -> PoissonLog.INSTANCE;
            case BINOMIAL -> Binomial.INSTANCE;
            case POISSON -> Poisson.INSTANCE;
        };
    }

    /** Compares log density and adjoints at 300 random buffers. */
    private static void compare(CountDensityOp.Link link, double range, double invalidRate, long seed, int size) {
        // Buffer layout: counts, trials, predictor, zero, the op's slots.
        int countsAt = 0;
        int trialsAt = size;
        int predictorAt = 2 * size;
        int zeroAt = 3 * size;
        int slotsAt = 3 * size + 1;
        int bufferSize = slotsAt + CountDensityOp.slots(size);
        UnivariateDistribution kernel = kernel(link);
        boolean binomial = link.hasTrials();
        int[] args = binomial ? new int[] {trialsAt, predictorAt, zeroAt} : new int[] {predictorAt, zeroAt, zeroAt};
        UnivariateDensityOp generic = new UnivariateDensityOp("y", kernel, size, countsAt, args,
                binomial ? new int[] {1, 1, 0} : new int[] {1, 0, 0});
        SplittableRandom random = new SplittableRandom(seed);
        int invalidTrials = 0;
        for (int trial = 0; trial < (size > 100 ? 30 : 300); trial++) {
            double[] v = new double[bufferSize];
            double[] counts = new double[size];
            double[] trials = new double[size];
            for (int i = 0; i < size; i++) {
                trials[i] = random.nextInt(0, 30);
                counts[i] = switch (link) {
                    case BERNOULLI_LOGIT -> random.nextInt(2);
                    case BINOMIAL_LOGIT, BINOMIAL -> random.nextInt((int) trials[i] + 1);
                    case POISSON_LOG, POISSON -> random.nextInt(0, 200);
                };
                v[countsAt + i] = counts[i];
                v[trialsAt + i] = trials[i];
                // the logit or log of the argument for the probability and rate kernels, so that a
                // range of 40 reaches probabilities within 1e-17 of 0 and 1
                double scale = random.nextDouble(-range, range);
                double valid = switch (link) {
                    case BINOMIAL -> 1 / (1 + Math.exp(-scale));
                    case POISSON -> Math.exp(scale);
                    default -> scale;
                };
                double[] invalid = switch (link) {
                    case BINOMIAL -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.5, 1.5, 0.0, 1.0};
                    case POISSON -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1.0, 0.0};
                    default -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                };
                v[predictorAt + i] = random.nextDouble() < invalidRate ? invalid[random.nextInt(invalid.length)] : valid;
            }
            CountDensityOp fast = new CountDensityOp(generic, kernel, counts, trials, predictorAt, slotsAt);

            double expected = generic.forward(v.clone());
            double actual = fast.forward(v);
            assertEquals(expected, actual, 1e-12 * Math.abs(expected), link + " trial " + trial);
            if (expected == Double.NEGATIVE_INFINITY) {
                invalidTrials++;
            }
            double[] start = random.doubles(bufferSize, -1, 1).toArray();
            double[] expectedAdjoints = start.clone();
            double[] actualAdjoints = start.clone();
            generic.backward(v, expectedAdjoints, new double[4]);
            fast.backward(v, actualAdjoints, new double[4]);
            for (int i = 0; i < size; i++) {
                int slot = predictorAt + i;
                assertEquals(expectedAdjoints[slot], actualAdjoints[slot],
                        1e-12 * Math.max(1, Math.abs(expectedAdjoints[slot])), link + " trial " + trial + " member " + i);
            }
        }
        if (invalidRate > 0) {
            assertTrue(invalidTrials > 50, "only " + invalidTrials + " trials had an invalid member");
        }
    }
}
