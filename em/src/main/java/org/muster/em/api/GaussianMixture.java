package org.muster.em.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximum-likelihood fit of a one-dimensional mixture of normals by EM (McLachlan &amp; Peel, <i>Finite
 * Mixture Models</i>, 2000, §2.8 and §3.2). An E-step is one pass over the data accumulating each
 * component's responsibility-weighted count, sum and sum of squares: nothing is allocated per point.
 * Immutable; the data array is never modified.
 */
public final class GaussianMixture {

    /** A component whose sd falls below this fraction of the data's sd has collapsed onto a point. */
    private static final double COLLAPSE = 1e-6;

    private final ExpectationMaximization engine;

    public GaussianMixture(ExpectationMaximization engine) {
        this.engine = engine;
    }

    /**
     * Runs EM from {@code start}.
     *
     * @param data not modified
     * @throws IllegalStateException if a component collapses onto a point (the likelihood is unbounded there)
     */
    public EmResult<NormalMixtureParameters> fit(double[] data, NormalMixtureParameters start) {
        return engine.run(new Problem(data, start.components()), start);
    }

    /**
     * Runs EM from {@code starts} random starts (K distinct data points as means, the data's sd for every
     * component, equal weights) and keeps the best.
     *
     * @param data not modified
     * @throws IllegalStateException if every start collapsed
     */
    public MixtureFit fit(double[] data, int components, int starts, long seed) {
        if (components < 1 || starts < 1 || data.length < components) {
            throw new IllegalArgumentException("need at least one component and start, and as many points as components");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double sd = Math.sqrt(variance(data));
        List<NormalMixtureParameters> initial = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            double[] means = random.ints(0, data.length).distinct().limit(components).mapToDouble(i -> data[i]).sorted()
                    .toArray();
            double[] sds = new double[components];
            double[] weights = new double[components];
            Arrays.fill(sds, sd);
            Arrays.fill(weights, 1.0 / components);
            initial.add(new NormalMixtureParameters(weights, means, sds));
        }
        return fit(data, initial);
    }

    /**
     * Runs EM from each of {@code starts} and keeps the best, counting the runs that ended at a worse
     * local maximum and those abandoned because a component collapsed.
     *
     * @param data not modified
     * @throws IllegalStateException if every start collapsed
     */
    public MixtureFit fit(double[] data, List<NormalMixtureParameters> starts) {
        List<EmResult<NormalMixtureParameters>> runs = new ArrayList<>();
        int collapsed = 0;
        for (NormalMixtureParameters start : starts) {
            try {
                runs.add(fit(data, start));
            } catch (ComponentCollapseException e) {
                collapsed++;
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException("all " + starts.size() + " starts ended with a component collapsed onto a point");
        }
        EmResult<NormalMixtureParameters> best = runs.get(0);
        for (EmResult<NormalMixtureParameters> run : runs) {
            if (run.logLikelihood() > best.logLikelihood()) {
                best = run;
            }
        }
        double tolerance = 1e-6 * Math.max(1, Math.abs(best.logLikelihood()));
        int reachedBest = 0;
        for (EmResult<NormalMixtureParameters> run : runs) {
            if (best.logLikelihood() - run.logLikelihood() <= tolerance) {
                reachedBest++;
            }
        }
        return new MixtureFit(best, runs, reachedBest, collapsed);
    }

    private static double variance(double[] data) {
        double mean = Arrays.stream(data).average().orElse(0);
        double sum = 0;
        for (double x : data) {
            sum += (x - mean) * (x - mean);
        }
        return sum / data.length;
    }

    /** A component shrank onto a point, where the likelihood is unbounded. */
    static final class ComponentCollapseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ComponentCollapseException(int component) {
            super("mixture component " + (component + 1) + " collapsed onto a point (its sd went to 0, where the"
                    + " likelihood is unbounded)");
        }
    }

    /** Sufficient statistics per component: sums of r, r (x - c), r (x - c)² around the data mean c. */
    private static final class Problem implements EmProblem<NormalMixtureParameters, double[]> {
        private final double[] data;
        private final int components;
        private final double center;
        private final double collapseSd;
        private final double[] responsibilities;

        Problem(double[] data, int components) {
            this.data = data;
            this.components = components;
            this.center = Arrays.stream(data).average().orElse(0);
            this.collapseSd = COLLAPSE * Math.sqrt(variance(data));
            this.responsibilities = new double[components];
        }

        @Override
        public Expectation<double[]> expectation(NormalMixtureParameters parameters) {
            double[] statistics = new double[3 * components];
            double logLikelihood = 0;
            for (double x : data) {
                logLikelihood += parameters.logDensity(x, responsibilities);
                // Centering on the data mean keeps the sum of squares from cancelling when means are far from 0.
                double d = x - center;
                for (int k = 0; k < components; k++) {
                    double r = responsibilities[k];
                    statistics[3 * k] += r;
                    statistics[3 * k + 1] += r * d;
                    statistics[3 * k + 2] += r * d * d;
                }
            }
            return new Expectation<>(statistics, logLikelihood);
        }

        @Override
        public NormalMixtureParameters maximization(double[] statistics) {
            double[] weights = new double[components];
            double[] means = new double[components];
            double[] sds = new double[components];
            for (int k = 0; k < components; k++) {
                double count = statistics[3 * k];
                double shift = statistics[3 * k + 1] / count;
                double variance = statistics[3 * k + 2] / count - shift * shift;
                if (!(count > 0) || !(Math.sqrt(Math.max(variance, 0)) > collapseSd)) {
                    throw new ComponentCollapseException(k);
                }
                weights[k] = count / data.length;
                means[k] = center + shift;
                sds[k] = Math.sqrt(variance);
            }
            return new NormalMixtureParameters(weights, means, sds);
        }
    }
}
