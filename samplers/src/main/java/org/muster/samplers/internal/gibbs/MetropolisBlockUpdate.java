package org.muster.samplers.internal.gibbs;

import java.util.List;
import java.util.stream.Collectors;
import org.muster.core.api.UnconstrainedBlock;

/**
 * Metropolis-within-Gibbs for a block of parameter nodes the user marks (for example the mean and
 * concentration of the beta-binomial, strongly correlated a posteriori): a joint random-walk proposal
 * {@code x' = x + scale · L z} on the block's unconstrained coordinates, z standard normal, accepted
 * with probability {@code min(1, p(x') / p(x))}, the rest of the position held fixed. The symmetric
 * proposal keeps the block's full conditional invariant.
 *
 * <p>Warmup tunes the proposal and sampling keeps it fixed: the first 15% of warmup adapts the scale
 * alone by Robbins–Monro toward acceptance 0.234 (0.44 for one coordinate; Roberts, Gelman &amp; Gilks
 * 1997), the window up to 75% estimates the block's covariance, whose Cholesky factor L then shapes
 * the proposal (Haario, Saksman &amp; Tamminen 2001, with the estimate regularized toward a small
 * multiple of the identity as Stan regularizes its metric), with the scale reset to 2.38 / sqrt(d) and
 * tuned again for the rest of warmup.
 */
final class MetropolisBlockUpdate implements NodeUpdate {

    private final List<UnconstrainedBlock> blocks;
    private final int[] coordinates;
    private final int dimension;
    private final double targetAcceptance;
    private final int windowStart;
    private final int windowEnd;
    private final double[] current;
    private final double[] normal;
    private final double[] delta;
    private final double[][] cholesky;
    private final double[] mean;
    private final double[][] squares;
    private int windowCount;
    private int warmupIteration;
    private int stepsSinceReset;
    private double logScale;
    private double lastAcceptProbability = 1;

    /** @param warmup the number of warmup iterations the chain will run */
    MetropolisBlockUpdate(List<UnconstrainedBlock> blocks, int warmup) {
        this.blocks = List.copyOf(blocks);
        this.coordinates = blocks.stream()
                .flatMapToInt(b -> java.util.stream.IntStream.range(b.offset(), b.offset() + b.size())).toArray();
        this.dimension = coordinates.length;
        this.targetAcceptance = dimension == 1 ? 0.44 : 0.234;
        this.windowStart = warmup < 20 ? warmup : (int) (0.15 * warmup);
        this.windowEnd = warmup < 20 ? warmup : (int) (0.75 * warmup);
        this.current = new double[dimension];
        this.normal = new double[dimension];
        this.delta = new double[dimension];
        this.cholesky = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            cholesky[i][i] = 1;
        }
        this.mean = new double[dimension];
        this.squares = new double[dimension][dimension];
        this.logScale = Math.log(2.38 / Math.sqrt(dimension));
    }

    @Override
    public String explanation() {
        return blocks.stream().map(b -> b.parameter().name()).collect(Collectors.joining(", "))
                + ": Metropolis block (joint random walk on the unconstrained scale, scale and covariance adapted in"
                + " warmup toward acceptance " + targetAcceptance + ")";
    }

    @Override
    public String statisticName() {
        return "accept_" + blocks.stream().map(b -> b.parameter().name()).collect(Collectors.joining("_")) + "__";
    }

    @Override
    public double statistic() {
        return lastAcceptProbability;
    }

    /** The proposal's scale now. */
    double scale() {
        return Math.exp(logScale);
    }

    @Override
    public void update(Sweep sweep) {
        double[] x = sweep.position;
        var random = sweep.random;
        double logDensity = sweep.logDensity();
        double scale = scale();
        for (int i = 0; i < dimension; i++) {
            current[i] = x[coordinates[i]];
            normal[i] = random.nextGaussian();
        }
        for (int i = 0; i < dimension; i++) {
            double step = 0;
            for (int j = 0; j <= i; j++) {
                step += cholesky[i][j] * normal[j];
            }
            x[coordinates[i]] = current[i] + scale * step;
        }
        double proposed = sweep.logDensityAt(x);
        double logRatio = proposed - logDensity;
        // A proposal outside the support (-inf, or NaN read as -inf) is always rejected.
        double acceptProbability = logRatio >= 0 ? 1.0 : (logRatio > Double.NEGATIVE_INFINITY ? Math.exp(logRatio) : 0.0);
        if (random.nextDouble() < acceptProbability) {
            sweep.setLogDensity(proposed);
        } else {
            for (int i = 0; i < dimension; i++) {
                x[coordinates[i]] = current[i];
            }
        }
        lastAcceptProbability = acceptProbability;
        if (sweep.warmup()) {
            adapt(acceptProbability, x);
        }
    }

    private void adapt(double acceptProbability, double[] x) {
        int iteration = warmupIteration++;
        stepsSinceReset++;
        // Decreasing gains let the scale settle while still moving early on.
        logScale += (acceptProbability - targetAcceptance) * 3.0 / Math.pow(stepsSinceReset + 10, 0.6);
        if (iteration >= windowStart && iteration < windowEnd) {
            windowCount++;
            for (int i = 0; i < dimension; i++) {
                delta[i] = x[coordinates[i]] - mean[i];
                mean[i] += delta[i] / windowCount;
            }
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j <= i; j++) {
                    squares[i][j] += delta[i] * (x[coordinates[j]] - mean[j]);
                }
            }
        }
        if (iteration == windowEnd - 1 && windowCount >= 10) {
            double[][] covariance = new double[dimension][dimension];
            double weight = windowCount / (windowCount + 5.0);
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j <= i; j++) {
                    covariance[i][j] = weight * squares[i][j] / (windowCount - 1) + (i == j ? 1e-3 * (1 - weight) : 0);
                }
            }
            if (choleskyInto(covariance, cholesky)) {
                logScale = Math.log(2.38 / Math.sqrt(dimension));
                stepsSinceReset = 0;
            }
        }
    }

    /** Lower Cholesky factor of the lower triangle of {@code a} into {@code out}; false (out untouched) if not positive definite. */
    static boolean choleskyInto(double[][] a, double[][] out) {
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
