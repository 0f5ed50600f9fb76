package org.muster.samplers.internal.gibbs;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.spi.MarkovChain;

/**
 * One chain of the Gibbs sampler: each iteration is a sweep that updates every parameter node in turn
 * from its full conditional ({@link GibbsPlan}). Every update is an exact conditional draw or a slice
 * step, both always accepted, or a Metropolis block step with its own {@code accept_<nodes>__} column;
 * {@code accept_stat__} is the mean acceptance probability of the blocks (1 without any); {@code n_evals__} counts the forward
 * sweeps of the model (log densities and node-value passes) an iteration took, the Gibbs counterpart
 * of {@code n_leapfrog__}.
 */
final class GibbsChain implements MarkovChain {

    private final Sweep sweep;
    private final List<NodeUpdate> updates;
    private final List<NodeUpdate> withStatistics;
    private final List<String> statisticNames;
    private long evaluationsInIteration;

    GibbsChain(ModelEvaluator target, RandomGenerator random, double[] initialPoint, List<NodeUpdate> updates) {
        this.sweep = new Sweep(target, random, initialPoint);
        this.updates = List.copyOf(updates);
        this.withStatistics = updates.stream().filter(u -> u.statisticName() != null).toList();
        List<String> names = new java.util.ArrayList<>(List.of("accept_stat__", "n_evals__"));
        withStatistics.forEach(u -> names.add(u.statisticName()));
        this.statisticNames = List.copyOf(names);
        sweep.logDensity();
    }

    @Override
    public List<String> statisticNames() {
        return statisticNames;
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
        // Conjugate draws and slice steps always move; Metropolis blocks accept with their probability.
        double sum = 0;
        for (int i = 0; i < withStatistics.size(); i++) {
            out[2 + i] = withStatistics.get(i).statistic();
            sum += out[2 + i];
        }
        out[0] = withStatistics.isEmpty() ? 1.0 : sum / withStatistics.size();
        out[1] = evaluationsInIteration;
    }

    @Override
    public long densityEvaluations() {
        return sweep.evaluations();
    }
}
