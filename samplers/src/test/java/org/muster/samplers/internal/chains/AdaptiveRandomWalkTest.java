package org.muster.samplers.internal.chains;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdaptiveRandomWalkTest {

    private static final double RHO = 0.9;
    private static final double SD_X = 1;
    private static final double SD_Y = 3;

    /** Log density of a bivariate normal with sds (1, 3) and correlation 0.9. */
    private static double logDensity(double[] p) {
        double u = p[0] / SD_X;
        double v = p[1] / SD_Y;
        return -0.5 * (u * u - 2 * RHO * u * v + v * v) / (1 - RHO * RHO);
    }

    /** Runs 4000 warmup Metropolis steps with the proposal and returns L Lᵀ / scale-free covariance estimate. */
    private static double[][] learnedCovariance(boolean dense) {
        int warmup = 4000;
        AdaptiveRandomWalk walk = new AdaptiveRandomWalk(2, warmup, 0.234, dense);
        var random = new SplittableRandom(7);
        double[] x = {0, 0};
        double[] step = new double[2];
        double[] proposal = new double[2];
        double current = logDensity(x);
        for (int i = 0; i < warmup; i++) {
            walk.step(random, step);
            proposal[0] = x[0] + step[0];
            proposal[1] = x[1] + step[1];
            double proposed = logDensity(proposal);
            double accept = Math.min(1, Math.exp(proposed - current));
            if (random.nextDouble() < accept) {
                x[0] = proposal[0];
                x[1] = proposal[1];
                current = proposed;
            }
            walk.adapt(accept, x);
        }
        double[][] l = walk.choleskyFactor();
        return new double[][] {
            {l[0][0] * l[0][0], l[1][0] * l[0][0]},
            {l[1][0] * l[0][0], l[1][0] * l[1][0] + l[1][1] * l[1][1]}};
    }

    @Test
    void denseProposalLearnsTheTargetsCovariance() {
        double[][] covariance = learnedCovariance(true);
        double correlation = covariance[0][1] / Math.sqrt(covariance[0][0] * covariance[1][1]);
        assertEquals(RHO, correlation, 0.05, "learned correlation");
        assertEquals(SD_Y / SD_X, Math.sqrt(covariance[1][1] / covariance[0][0]), 0.6, "learned ratio of sds");
        assertEquals(SD_X * SD_X, covariance[0][0], 0.35, "learned variance of x");
    }

    @Test
    void diagonalProposalLearnsOnlyTheVariances() {
        double[][] covariance = learnedCovariance(false);
        assertEquals(0, covariance[0][1], 0);
        assertEquals(SD_Y / SD_X, Math.sqrt(covariance[1][1] / covariance[0][0]), 0.6, "learned ratio of sds");
    }

    @Test
    void choleskyFactorsPositiveDefiniteMatricesAndRefusesOthers() {
        double[][] out = new double[2][2];
        assertTrue(AdaptiveRandomWalk.choleskyInto(new double[][] {{4, 0}, {2, 5}}, out));
        assertArrayEquals(new double[] {2, 0}, out[0], 1e-12);
        assertArrayEquals(new double[] {1, 2}, out[1], 1e-12);
        assertFalse(AdaptiveRandomWalk.choleskyInto(new double[][] {{1, 0}, {2, 1}}, out));
        assertArrayEquals(new double[] {1, 2}, out[1], 1e-12, "left untouched");
    }
}
