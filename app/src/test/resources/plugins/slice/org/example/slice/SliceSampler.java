package org.example.slice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.core.api.Model;
import org.muster.core.spi.ChainTarget;
import org.muster.core.spi.MarkovChain;
import org.muster.core.spi.MarkovChainMethod;
import org.muster.core.spi.RunConfig;

/**
 * Coordinate-wise slice sampling on the unconstrained space (Neal 2003, stepping out and shrinkage):
 * each iteration updates every coordinate in turn from its full conditional, with an initial interval
 * of {@code width}. Every step is accepted, so the chain needs no tuning. A test plugin written against
 * the chain SPI alone: it has no loop, timing, listener or cancellation code of its own.
 */
final class SliceSampler implements MarkovChainMethod {

    /** At most this many steps of {@code width} out on each side of the current value. */
    private static final int MAX_STEPS_OUT = 50;

    private final double width;

    SliceSampler(double width) {
        this.width = width;
    }

    @Override
    public String id() {
        return SliceSamplerProvider.ID;
    }

    @Override
    public Map<String, String> settings(Model model, RunConfig config) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "slice");
        settings.put("width", Double.toString(width));
        return settings;
    }

    @Override
    public boolean usesGradient() {
        return false;
    }

    @Override
    public MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] initialPoint, RunConfig config) {
        return new Chain(target.evaluator(), random, initialPoint, width);
    }

    /** One chain: the current point and its log density. */
    private static final class Chain implements MarkovChain {
        private final LogDensity target;
        private final RandomGenerator random;
        private final double[] position;
        private final double width;
        private double logDensity;
        private long evaluations;
        private long evaluationsInIteration;

        /** @param initialPoint kept: the chain's position from now on */
        Chain(LogDensity target, RandomGenerator random, double[] initialPoint, double width) {
            this.target = target;
            this.random = random;
            this.position = initialPoint;
            this.width = width;
            this.logDensity = target.logDensity(position);
            this.evaluations = 1;
        }

        @Override
        public List<String> statisticNames() {
            return List.of("accept_stat__", "n_evals__");
        }

        @Override
        public void iterate(boolean warmup) {
            long before = evaluations;
            for (int i = 0; i < position.length; i++) {
                update(i);
            }
            evaluationsInIteration = evaluations - before;
        }

        /** One slice step for coordinate i. */
        private void update(int i) {
            double current = position[i];
            // The slice's height: log of a uniform draw below the density, 1 - u in (0, 1].
            double height = logDensity + Math.log(1 - random.nextDouble());
            double left = current - width * random.nextDouble();
            double right = left + width;
            int stepsLeft = random.nextInt(MAX_STEPS_OUT);
            int stepsRight = MAX_STEPS_OUT - 1 - stepsLeft;
            while (stepsLeft-- > 0 && logDensityAt(i, left) > height) {
                left -= width;
            }
            while (stepsRight-- > 0 && logDensityAt(i, right) > height) {
                right += width;
            }
            while (true) {
                double proposal = left + (right - left) * random.nextDouble();
                double proposed = logDensityAt(i, proposal);
                if (proposed > height) {
                    position[i] = proposal;
                    logDensity = proposed;
                    return;
                }
                if (proposal < current) {
                    left = proposal;
                } else {
                    right = proposal;
                }
                if (!(right - left > 1e-12 * Math.max(1, Math.abs(current)))) {
                    return; // shrunk onto the current value: stay
                }
            }
        }

        /** The log density with coordinate i at {@code value}, the others as they are. */
        private double logDensityAt(int i, double value) {
            double saved = position[i];
            position[i] = value;
            double result = target.logDensity(position);
            position[i] = saved;
            evaluations++;
            return result;
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
            out[0] = 1.0;
            out[1] = evaluationsInIteration;
        }

        @Override
        public long densityEvaluations() {
            return evaluations;
        }
    }
}
