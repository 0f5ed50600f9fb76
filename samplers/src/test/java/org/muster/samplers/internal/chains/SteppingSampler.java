package org.muster.samplers.internal.chains;

import java.util.List;
import org.muster.core.api.LogDensity;

/**
 * A test sampler that adds a fixed step to the first coordinate each iteration (0: it stays where it
 * started), so a draw's value tells its iteration and the start is visible in the output.
 */
final class SteppingSampler implements ChainSampler {

    private final LogDensity target;
    private final double[] position;
    private final double step;

    SteppingSampler(LogDensity target, double[] init, double step) {
        this.target = target;
        this.position = init.clone();
        this.step = step;
    }

    /** A factory of samplers that move by {@code step}. */
    static ChainRunner.SamplerFactory stepping(double step) {
        return (target, random, init) -> new SteppingSampler(target, init, step);
    }

    @Override
    public List<String> statisticNames() {
        return List.of();
    }

    @Override
    public void iterate(boolean warmup) {
        position[0] += step;
    }

    @Override
    public double[] position() {
        return position;
    }

    @Override
    public double logDensity() {
        return target.logDensity(position);
    }

    @Override
    public void statistics(double[] out) {
    }

    @Override
    public long densityEvaluations() {
        return 0;
    }
}
