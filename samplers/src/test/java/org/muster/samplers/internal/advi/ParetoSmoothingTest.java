package org.muster.samplers.internal.advi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ParetoSmoothingTest {

    /** n draws of the generalized Pareto with shape k and scale sigma, by inversion. */
    private static double[] generalizedPareto(int n, double k, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ParetoSmoothing.generalizedParetoQuantile(random.nextDouble(), k, sigma);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.6, 0.9})
    void theZhangStephensFitRecoversTheShapeOfGeneralizedParetoDraws(double k) {
        int n = 4000;
        // The maximum-likelihood shape has standard error about (1 + k) / sqrt(n): 0.019 to 0.030 here.
        double tolerance = 4 * (1 + k) / Math.sqrt(n);
        for (long seed = 1; seed <= 3; seed++) {
            double[] fit = ParetoSmoothing.fitGeneralizedPareto(generalizedPareto(n, k, 2.0, seed));
            assertEquals(k, fit[0], tolerance, "seed " + seed);
            assertEquals(2.0, fit[1], 0.2 * 2.0, "scale, seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.6, 0.9})
    void kHatOfRatiosWithAGeneralizedParetoTailIsItsShape(double k) {
        // Ratios 1 + GPD(k): the tail above any threshold is again generalized Pareto with the same shape.
        int n = 20_000;
        int tail = ParetoSmoothing.tailLength(n);
        double tolerance = 4 * (1 + k) / Math.sqrt(tail);
        double[] draws = generalizedPareto(n, k, 1.0, 42);
        double[] logRatios = new double[n];
        for (int i = 0; i < n; i++) {
            logRatios[i] = Math.log1p(draws[i]);
        }
        ParetoSmoothing.Result result = ParetoSmoothing.smooth(logRatios);
        assertEquals(k, result.paretoK(), tolerance);
        assertEquals(0.0, ParetoSmoothing.logSumExp(result.logWeights()), 1e-12);
    }

    @Test
    void tailLengthIsTheSmallerOfAFifthAndThreeRootsOfTheDraws() {
        assertEquals(95, ParetoSmoothing.tailLength(1000));
        assertEquals(20, ParetoSmoothing.tailLength(100));
        assertEquals(2, ParetoSmoothing.tailLength(10));
    }

    /** log N(x; 0, targetSd) − log N(x; 0, proposalSd) on draws from N(0, proposalSd). */
    private static double[] normalRatios(double targetSd, double proposalSd, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double x = proposalSd * random.nextGaussian();
            r[i] = -0.5 * x * x / (targetSd * targetSd) - Math.log(targetSd) + 0.5 * x * x / (proposalSd * proposalSd)
                    + Math.log(proposalSd);
        }
        return r;
    }

    @Test
    void aProposalWiderThanTheTargetHasBoundedRatiosAndAGoodKHat() {
        ParetoSmoothing.Result result = ParetoSmoothing.smooth(normalRatios(1, 2, 4000, 7));
        assertTrue(result.paretoK() < 0.5, "k-hat " + result.paretoK());
    }

    @Test
    void aProposalMuchNarrowerThanTheTargetIsFlagged() {
        // Weights exp(x^2 (1 - 1/5) / 2) under N(0, 1): finite moments only below order 5/4, k = 0.8.
        ParetoSmoothing.Result result = ParetoSmoothing.smooth(normalRatios(Math.sqrt(5), 1, 4000, 7));
        assertTrue(result.paretoK() > 0.7, "k-hat " + result.paretoK());
    }

    @Test
    void smoothedWeightsAreNormalizedAndNeverExceedTheLargestRawRatio() {
        double[] r = normalRatios(Math.sqrt(3), 1, 1000, 9);
        ParetoSmoothing.Result result = ParetoSmoothing.smooth(r);
        double maxRaw = Double.NEGATIVE_INFINITY;
        double logSumRaw = ParetoSmoothing.logSumExp(r);
        for (double v : r) {
            maxRaw = Math.max(maxRaw, v);
        }
        double largestSmoothed = Double.NEGATIVE_INFINITY;
        for (double lw : result.logWeights()) {
            largestSmoothed = Math.max(largestSmoothed, lw);
        }
        assertEquals(0.0, ParetoSmoothing.logSumExp(result.logWeights()), 1e-12);
        // After normalization the largest weight is at most the largest raw ratio over the smoothed total, which
        // is at least the untouched body's total.
        assertTrue(largestSmoothed <= maxRaw - logSumRaw + Math.log(1000), "" + largestSmoothed);
        assertTrue(Double.isFinite(result.paretoK()));
    }

    @Test
    void zeroWeightsAreAllowedButNaNRatiosAreNot() {
        double[] r = normalRatios(1, 1.5, 200, 3);
        r[5] = Double.NEGATIVE_INFINITY;
        ParetoSmoothing.Result result = ParetoSmoothing.smooth(r);
        assertEquals(Double.NEGATIVE_INFINITY, result.logWeights()[5]);
        r[6] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> ParetoSmoothing.smooth(r));
    }

    @Test
    void equalRatiosHaveAFlatTail() {
        ParetoSmoothing.Result result = ParetoSmoothing.smooth(new double[100]);
        assertEquals(Double.NEGATIVE_INFINITY, result.paretoK());
        assertEquals(-Math.log(100), result.logWeights()[17], 1e-12);
    }
}
