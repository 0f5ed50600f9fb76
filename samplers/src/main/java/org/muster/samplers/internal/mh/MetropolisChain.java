package org.muster.samplers.internal.mh;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.core.spi.MarkovChain;
import org.muster.samplers.internal.chains.AdaptiveRandomWalk;

/**
 * Random-walk Metropolis on the unconstrained space (Metropolis et al. 1953). As one block, each
 * iteration proposes {@code x' = x + scale · L z} for all coordinates and accepts with probability
 * {@code min(1, p(x') / p(x))}; component-wise, each iteration sweeps the coordinates in order, each
 * with its own one-dimensional proposal and accept step. The proposals are symmetric, so detailed
 * balance holds; they are tuned only during warmup ({@link AdaptiveRandomWalk}), so the sampling phase
 * is a fixed, valid kernel.
 */
final class MetropolisChain implements MarkovChain {

    private static final List<String> STATISTICS = List.of("accept_stat__", "stepsize__");

    private final LogDensity target;
    private final RandomGenerator random;
    private final AdaptiveRandomWalk[] proposals;
    private final double[] step;
    private double[] position;
    private double[] proposal;
    private double logDensity;
    private double lastAcceptProbability;
    private double lastProposed;
    private long evaluations;

    /**
     * @param targetAcceptance the acceptance rate to tune toward, or a non-positive value for the default
     *     (0.234 for a block of several coordinates, 0.44 for one)
     * @param dense whether a block proposal learns the full covariance (Haario) or only the variances
     * @param componentwise whether each coordinate is updated on its own
     */
    MetropolisChain(LogDensity target, RandomGenerator random, double[] initialPoint, int warmup,
            double targetAcceptance, boolean dense, boolean componentwise) {
        this.target = target;
        this.random = random;
        this.position = initialPoint.clone();
        this.proposal = initialPoint.clone();
        this.logDensity = target.logDensity(position);
        this.evaluations = 1;
        int dimension = initialPoint.length;
        int blockSize = componentwise ? 1 : dimension;
        double acceptance = targetAcceptance > 0 ? targetAcceptance : AdaptiveRandomWalk.defaultTarget(blockSize);
        this.proposals = new AdaptiveRandomWalk[componentwise ? dimension : 1];
        for (int i = 0; i < proposals.length; i++) {
            proposals[i] = new AdaptiveRandomWalk(blockSize, warmup, acceptance, dense);
        }
        this.step = new double[blockSize];
    }

    @Override
    public List<String> statisticNames() {
        return STATISTICS;
    }

    @Override
    public void iterate(boolean warmup) {
        if (proposals.length == 1 && position.length != 1) {
            blockUpdate(warmup);
            return;
        }
        double acceptSum = 0;
        for (int i = 0; i < position.length; i++) {
            acceptSum += coordinateUpdate(i, warmup);
        }
        lastAcceptProbability = acceptSum / position.length;
    }

    private void blockUpdate(boolean warmup) {
        AdaptiveRandomWalk walk = proposals[0];
        walk.step(random, step);
        for (int i = 0; i < position.length; i++) {
            proposal[i] = position[i] + step[i];
        }
        double acceptProbability = acceptProbability(target.logDensity(proposal));
        if (random.nextDouble() < acceptProbability) {
            double[] swap = position;
            position = proposal;
            proposal = swap;
            logDensity = lastProposed;
        }
        lastAcceptProbability = acceptProbability;
        if (warmup) {
            walk.adapt(acceptProbability, position);
        }
    }

    private double coordinateUpdate(int i, boolean warmup) {
        AdaptiveRandomWalk walk = proposals[i];
        walk.step(random, step);
        double old = position[i];
        position[i] = old + step[0];
        double acceptProbability = acceptProbability(target.logDensity(position));
        if (random.nextDouble() < acceptProbability) {
            logDensity = lastProposed;
        } else {
            position[i] = old;
        }
        if (warmup) {
            step[0] = position[i];
            walk.adapt(acceptProbability, step);
        }
        return acceptProbability;
    }

    private double acceptProbability(double proposed) {
        evaluations++;
        lastProposed = proposed;
        double logRatio = proposed - logDensity;
        // A NaN or -inf proposal density is a rejection, never an acceptance.
        return logRatio >= 0 ? 1.0 : (logRatio > Double.NEGATIVE_INFINITY ? Math.exp(logRatio) : 0.0);
    }

    @Override
    public double[] position() {
        return position;
    }

    @Override
    public double logDensity() {
        return logDensity;
    }

    @Override
    public void statistics(double[] out) {
        out[0] = lastAcceptProbability;
        out[1] = proposals[0].scale();
    }

    @Override
    public long densityEvaluations() {
        return evaluations;
    }
}
