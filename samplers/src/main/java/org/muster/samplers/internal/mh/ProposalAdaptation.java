package org.muster.samplers.internal.mh;

import java.util.Arrays;

/**
 * Warmup tuning of a random-walk proposal, kept apart from the kernel: a Robbins–Monro update of the
 * global scale toward the target acceptance rate (0.234 in many dimensions, 0.44 in one: Roberts,
 * Gelman &amp; Gilks 1997; Roberts &amp; Rosenthal 2001), and per-coordinate proposal widths from the
 * variance of warmup draws (a diagonal form of Haario, Saksman &amp; Tamminen 2001).
 *
 * <p>Warmup is split as Stan splits it: a first 15% that tunes the scale alone, a middle window up to
 * 75% that also collects the variance, then the widths are set to the estimated standard deviations,
 * the scale is reset to 2.38/sqrt(d), and the rest tunes the scale again.
 */
final class ProposalAdaptation {

    private final int dimension;
    private final double targetAcceptance;
    private final int windowStart;
    private final int windowEnd;
    private final double[] widths;
    private final double[] mean;
    private final double[] squares;
    private int windowCount;
    private double logScale;
    private int stepsSinceReset;

    ProposalAdaptation(int dimension, int warmup, double targetAcceptance) {
        this.dimension = dimension;
        this.targetAcceptance = targetAcceptance;
        this.windowStart = warmup < 20 ? warmup : (int) (0.15 * warmup);
        this.windowEnd = warmup < 20 ? warmup : (int) (0.75 * warmup);
        this.widths = new double[dimension];
        Arrays.fill(widths, 1.0);
        this.mean = new double[dimension];
        this.squares = new double[dimension];
        this.logScale = Math.log(initialScale(dimension));
    }

    static double initialScale(int dimension) {
        return 2.38 / Math.sqrt(dimension);
    }

    double scale() {
        return Math.exp(logScale);
    }

    /** Per-coordinate proposal widths (owned by this object; read only). */
    double[] widths() {
        return widths;
    }

    /**
     * Learns from one warmup transition.
     *
     * @param iteration 0-based warmup iteration
     * @param acceptProbability the transition's acceptance probability
     * @param position not modified: the chain's position after the transition
     */
    void update(int iteration, double acceptProbability, double[] position) {
        stepsSinceReset++;
        // Decreasing gains (exponent in (0.5, 1]) make the scale settle while still adapting early.
        logScale += (acceptProbability - targetAcceptance) * 3.0 / Math.pow(stepsSinceReset + 10, 0.6);
        if (iteration >= windowStart && iteration < windowEnd) {
            windowCount++;
            for (int i = 0; i < dimension; i++) {
                double delta = position[i] - mean[i];
                mean[i] += delta / windowCount;
                squares[i] += delta * (position[i] - mean[i]);
            }
        }
        if (iteration == windowEnd - 1 && windowCount >= 10) {
            for (int i = 0; i < dimension; i++) {
                double variance = squares[i] / (windowCount - 1);
                // Regularize toward 1 as Stan does, so a short window cannot collapse a width to zero.
                double shrunk = (windowCount / (windowCount + 5.0)) * variance + 1e-3 * (5.0 / (windowCount + 5.0));
                widths[i] = Math.sqrt(shrunk);
            }
            logScale = Math.log(initialScale(dimension));
            stepsSinceReset = 0;
        }
    }
}
