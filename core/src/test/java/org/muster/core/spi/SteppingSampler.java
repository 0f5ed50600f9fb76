package org.muster.core.spi;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;

/**
 * A test sampler that adds a fixed step to the first coordinate each iteration (0: it stays where it
 * started), so a draw's value tells its iteration and the start is visible in the output.
 */
final class SteppingSampler implements MarkovChain {

    private final LogDensity target;
    private final double[] position;
    private final double step;

    SteppingSampler(LogDensity target, double[] init, double step) {
        this.target = target;
        this.position = init.clone();
        this.step = step;
    }

    /**
     * A method whose chains move by {@code step}.
     *
     * @param usesGradient whether the runner must find initial points with a finite gradient
     */
    static MarkovChainMethod stepping(String id, double step, boolean usesGradient) {
        return new MarkovChainMethod() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean usesGradient() {
                return usesGradient;
            }

            @Override
            public MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] init, RunConfig config) {
                return new SteppingSampler(target.evaluator(), init, step);
            }
        };
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
