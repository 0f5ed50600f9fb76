package org.muster.samplers.internal.chains;

import java.util.random.RandomGenerator;

/**
 * A Gaussian random-walk proposal {@code x' = x + scale · L z} (z standard normal) whose scale and
 * shape are tuned during warmup and then fixed, shared by {@code mh} and Gibbs's Metropolis blocks.
 *
 * <p>Warmup is split as Stan splits it: the first 15% adapts the scale alone by Robbins–Monro toward
 * the target acceptance (0.234 in many dimensions, 0.44 in one: Roberts, Gelman &amp; Gilks 1997); the
 * window up to 75% estimates the covariance of the visited points (Haario, Saksman &amp; Tamminen 2001),
 * regularized toward a small multiple of the identity as Stan regularizes its metric; L becomes its
 * Cholesky factor (dense) or the square roots of its diagonal (diagonal), the scale is reset to
 * 2.38 / sqrt(d), and the rest of warmup tunes the scale again. Sampling uses the frozen proposal, so
 * it is a fixed, symmetric, valid Metropolis kernel. Nothing is allocated per step.
 */
public final class AdaptiveRandomWalk {

    private final int dimension;
    private final boolean dense;
    private final double targetAcceptance;
    private final int windowStart;
    private final int windowEnd;
    private final double[] normal;
    private final double[] delta;
    private final double[][] cholesky;
    private final double[] mean;
    private final double[][] squares;
    private int windowCount;
    private int warmupIteration;
    private int stepsSinceReset;
    private double logScale;

    /**
     * @param dimension number of coordinates the proposal moves, at least 1
     * @param warmup warmup iterations the chain will run (adaptation happens only in them)
     * @param targetAcceptance the acceptance rate to tune toward, in (0, 1)
     * @param dense whether L is a full Cholesky factor (correlations learned) or diagonal
     */
    public AdaptiveRandomWalk(int dimension, int warmup, double targetAcceptance, boolean dense) {
        this.dimension = dimension;
        this.dense = dense;
        this.targetAcceptance = targetAcceptance;
        this.windowStart = warmup < 20 ? warmup : (int) (0.15 * warmup);
        this.windowEnd = warmup < 20 ? warmup : (int) (0.75 * warmup);
        this.normal = new double[dimension];
        this.delta = new double[dimension];
        this.cholesky = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            cholesky[i][i] = 1;
        }
        this.mean = new double[dimension];
        this.squares = new double[dimension][dimension];
        this.logScale = Math.log(initialScale(dimension));
    }

    /** The default target: 0.44 for one coordinate, 0.234 for more. */
    public static double defaultTarget(int dimension) {
        return dimension == 1 ? 0.44 : 0.234;
    }

    static double initialScale(int dimension) {
        return 2.38 / Math.sqrt(dimension);
    }

    public double targetAcceptance() {
        return targetAcceptance;
    }

    /** The proposal's scale now. */
    public double scale() {
        return Math.exp(logScale);
    }

    /**
     * Draws one proposal step.
     *
     * @param random the chain's generator
     * @param step modified: receives {@code scale · L z}, length {@link #dimension}
     */
    public void step(RandomGenerator random, double[] step) {
        double scale = scale();
        for (int i = 0; i < dimension; i++) {
            normal[i] = random.nextGaussian();
        }
        for (int i = 0; i < dimension; i++) {
            double sum = 0;
            for (int j = 0; j <= i; j++) {
                sum += cholesky[i][j] * normal[j];
            }
            step[i] = scale * sum;
        }
    }

    /**
     * Learns from one warmup transition; call only during warmup.
     *
     * @param acceptProbability the transition's acceptance probability
     * @param point not modified: the proposal's coordinates after the transition
     */
    public void adapt(double acceptProbability, double[] point) {
        int iteration = warmupIteration++;
        stepsSinceReset++;
        // Decreasing gains (exponent in (0.5, 1]) let the scale settle while still moving early on.
        logScale += (acceptProbability - targetAcceptance) * 3.0 / Math.pow(stepsSinceReset + 10, 0.6);
        if (iteration >= windowStart && iteration < windowEnd) {
            windowCount++;
            for (int i = 0; i < dimension; i++) {
                delta[i] = point[i] - mean[i];
                mean[i] += delta[i] / windowCount;
            }
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j <= i; j++) {
                    squares[i][j] += delta[i] * (point[j] - mean[j]);
                }
            }
        }
        if (iteration == windowEnd - 1 && windowCount >= 10) {
            double[][] covariance = new double[dimension][dimension];
            double weight = windowCount / (windowCount + 5.0);
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j <= i; j++) {
                    if (dense || i == j) {
                        covariance[i][j] = weight * squares[i][j] / (windowCount - 1) + (i == j ? 1e-3 * (1 - weight) : 0);
                    }
                }
            }
            if (choleskyInto(covariance, cholesky)) {
                logScale = Math.log(initialScale(dimension));
                stepsSinceReset = 0;
            }
        }
    }

    /** A copy of the proposal's Cholesky factor L (lower triangular). */
    public double[][] choleskyFactor() {
        double[][] copy = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            copy[i] = cholesky[i].clone();
        }
        return copy;
    }

    /**
     * Lower Cholesky factor of the lower triangle of {@code a} into {@code out}; false (out untouched) if
     * not positive definite.
     */
    public static boolean choleskyInto(double[][] a, double[][] out) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(l[i], 0, out[i], 0, n);
        }
        return true;
    }
}
