package org.muster.samplers.internal.gibbs;

import java.util.List;
import java.util.stream.Collectors;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.samplers.internal.chains.AdaptiveRandomWalk;

/**
 * Metropolis-within-Gibbs for a block of parameter nodes the user marks (for example the mean and
 * concentration of the beta-binomial, strongly correlated a posteriori): a joint random-walk proposal
 * {@code x' = x + scale · L z} on the block's unconstrained coordinates, z standard normal, accepted
 * with probability {@code min(1, p(x') / p(x))}, the rest of the position held fixed. The symmetric
 * proposal keeps the block's full conditional invariant; the ratio is that of the block's Markov blanket
 * terms, so a step costs the blanket (the nodes' densities and their children's), not the model.
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
    private final AdaptiveRandomWalk proposal;
    private final int steps;
    private final double[] current;
    private final double[] step;
    private double lastAcceptProbability = 1;
    private Sweep.Conditional conditional;
    /** The blanket's terms at the current position, during an update. */
    private double currentLogDensity;

    /**
     * @param warmup the number of warmup iterations the chain will run
     * @param steps Metropolis steps per sweep, at least 1: a random walk moves little per step, and a step
     *     costs one evaluation while a sweep's other updates cost about as much together
     */
    MetropolisBlockUpdate(List<UnconstrainedBlock> blocks, int warmup, int steps) {
        this.blocks = List.copyOf(blocks);
        this.coordinates = blocks.stream()
                .flatMapToInt(b -> java.util.stream.IntStream.range(b.offset(), b.offset() + b.size())).toArray();
        this.dimension = coordinates.length;
        this.steps = steps;
        this.proposal = new AdaptiveRandomWalk(dimension, warmup * steps, AdaptiveRandomWalk.defaultTarget(dimension),
                true);
        this.current = new double[dimension];
        this.step = new double[dimension];
    }

    @Override
    public String explanation() {
        return blocks.stream().map(b -> b.parameter().name()).collect(Collectors.joining(", "))
                + ": Metropolis block (joint random walk on the unconstrained scale, " + (steps == 1 ? "one step" : steps
                + " steps") + " per sweep, scale and covariance adapted in warmup toward acceptance "
                + proposal.targetAcceptance() + ")";
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
        return proposal.scale();
    }

    @Override
    public void update(Sweep sweep) {
        if (conditional == null || !conditional.of(sweep)) {
            conditional = sweep.conditional(blocks.stream().map(UnconstrainedBlock::parameter).toList());
        }
        sweep.computeValues();
        currentLogDensity = sweep.blanketLogDensity(conditional);
        double acceptSum = 0;
        for (int k = 0; k < steps; k++) {
            acceptSum += step(sweep);
        }
        lastAcceptProbability = acceptSum / steps;
        sweep.positionChanged();
    }

    /** One Metropolis step of the block; returns its acceptance probability. */
    private double step(Sweep sweep) {
        double[] x = sweep.position;
        double logDensity = currentLogDensity;
        proposal.step(sweep.random, step);
        for (int i = 0; i < dimension; i++) {
            current[i] = x[coordinates[i]];
            x[coordinates[i]] = current[i] + step[i];
        }
        double proposed = sweep.blanketLogDensity(conditional);
        double logRatio = proposed - logDensity;
        // A proposal outside the support (-inf, or NaN read as -inf) is always rejected.
        double acceptProbability = logRatio >= 0 ? 1.0 : (logRatio > Double.NEGATIVE_INFINITY ? Math.exp(logRatio) : 0.0);
        if (sweep.random.nextDouble() < acceptProbability) {
            currentLogDensity = proposed;
            for (int i = 0; i < dimension; i++) {
                current[i] = x[coordinates[i]];
            }
        } else {
            for (int i = 0; i < dimension; i++) {
                x[coordinates[i]] = current[i];
            }
        }
        if (sweep.warmup()) {
            proposal.adapt(acceptProbability, current);
        }
        return acceptProbability;
    }
}
