package org.muster.samplers.internal.gibbs;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.ModelEvaluator;
import org.muster.samplers.internal.chains.ChainSampler;

/**
 * One chain of the Gibbs sampler: each iteration is a sweep that updates every parameter node in turn
 * from its full conditional ({@link GibbsPlan}). Every update is an exact conditional draw or a slice
 * step, both always accepted, so {@code accept_stat__} is 1; {@code n_evals__} counts the forward
 * sweeps of the model (log densities and node-value passes) an iteration took, the Gibbs counterpart
 * of {@code n_leapfrog__}.
 */
final class GibbsChain implements ChainSampler {

    private static final List<String> STATISTICS = List.of("accept_stat__", "n_evals__");

    private final Sweep sweep;
    private final List<NodeUpdate> updates;
    private long evaluationsInIteration;

    GibbsChain(ModelEvaluator target, RandomGenerator random, double[] initialPoint, List<NodeUpdate> updates) {
        this.sweep = new Sweep(target, random, initialPoint);
        this.updates = List.copyOf(updates);
        sweep.logDensity();
    }

    @Override
    public List<String> statisticNames() {
        return STATISTICS;
    }

    @Override
    public void iterate(boolean warmup) {
        long before = sweep.evaluations();
        sweep.setWarmup(warmup);
        for (NodeUpdate update : updates) {
            update.update(sweep);
        }
        sweep.logDensity();
        evaluationsInIteration = sweep.evaluations() - before;
    }

    @Override
    public double[] position() {
        return sweep.position;
    }

    @Override
    public double logDensity() {
        return sweep.logDensity();
    }

    @Override
    public void statistics(double[] out) {
        out[0] = 1.0;
        out[1] = evaluationsInIteration;
    }

    @Override
    public long densityEvaluations() {
        return sweep.evaluations();
    }
}
