package org.muster.em.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximum-likelihood or MAP fit of a one-dimensional mixture of normals by EM (McLachlan &amp; Peel,
 * <i>Finite Mixture Models</i>, 2000, §2.8 and §3.2; with a {@link MixturePrior}, the MAP-EM of Fraley
 * &amp; Raftery 2007, under which no component can collapse and the engine checks that the log
 * posterior rises). An E-step is one pass over the data accumulating each component's
 * responsibility-weighted count, sum and sum of squares: nothing is allocated per point. Immutable; the
 * data array is never modified.
 */
public final class GaussianMixture {

    /** A component whose sd falls below this fraction of the data's sd has collapsed onto a point. */
    private static final double COLLAPSE = 1e-6;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final ExpectationMaximization engine;
    private final MixturePrior prior;

    /** Maximum likelihood: no prior. */
    public GaussianMixture(ExpectationMaximization engine) {
        this(engine, null);
    }

    /**
     * MAP-EM under {@code prior}, a one-dimensional {@link MixturePrior} (null for maximum likelihood).
     */
    public GaussianMixture(ExpectationMaximization engine, MixturePrior prior) {
        if (prior != null && prior.dimension() != 1) {
            throw new IllegalArgumentException("a one-dimensional mixture needs a one-dimensional prior, got dimension "
                    + prior.dimension());
        }
        this.engine = engine;
        this.prior = prior;
    }

    /** The prior, if this is MAP-EM. */
    public java.util.Optional<MixturePrior> prior() {
        return java.util.Optional.ofNullable(prior);
    }

    /**
     * The responsibilities p(component k | x_i), n×K row-major (entry i K + k).
     *
     * @param data not modified
     */
    public static double[] responsibilities(double[] data, NormalMixtureParameters parameters) {
        int components = parameters.components();
        double[] out = new double[data.length * components];
        double[] row = new double[components];
        for (int i = 0; i < data.length; i++) {
            parameters.logDensity(data[i], row);
            System.arraycopy(row, 0, out, i * components, components);
        }
        return out;
    }

    /**
     * Runs EM from {@code start}.
     *
     * @param data not modified
     * @throws IllegalStateException if a component collapses onto a point (the likelihood is unbounded there;
     *     never under a prior)
     */
    public EmResult<NormalMixtureParameters> fit(double[] data, NormalMixtureParameters start) {
        return engine.run(new Problem(data, start.components(), prior), start);
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
        double tolerance = MultivariateGaussianMixture.SAME_MAXIMUM * Math.max(1, Math.abs(best.logLikelihood()));
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
                    + " likelihood is unbounded); fewer components or a prior (MAP-EM, MixturePrior) keep it away");
        }
    }

    /** Sufficient statistics per component: sums of r, r (x - c), r (x - c)² around the data mean c. */
    private static final class Problem implements EmProblem<NormalMixtureParameters, double[]> {
        private final double[] data;
        private final int components;
        private final double center;
        private final double collapseSd;
        private final double[] responsibilities;
        private final MixturePrior prior;
        /** log w_k - log sigma_k - ½ log 2π, 1/sigma_k and mu_k of the E-step's parameters: filled once per pass. */
        private final double[] logNormalizers;
        private final double[] precisionRoots;
        private final double[] means;

        Problem(double[] data, int components, MixturePrior prior) {
            this.data = data;
            this.components = components;
            this.prior = prior;
            this.center = Arrays.stream(data).average().orElse(0);
            this.collapseSd = COLLAPSE * Math.sqrt(variance(data));
            this.responsibilities = new double[components];
            this.logNormalizers = new double[components];
            this.means = new double[components];
            this.precisionRoots = new double[components];
        }

        @Override
        public Expectation<double[]> expectation(NormalMixtureParameters parameters) {
            double[] statistics = new double[3 * components];
            double[] weights = parameters.weights();
            double[] sds = parameters.sds();
            double[] parameterMeans = parameters.means();
            for (int k = 0; k < components; k++) {
                logNormalizers[k] = Math.log(weights[k]) - Math.log(sds[k]) - HALF_LOG_TWO_PI;
                precisionRoots[k] = 1 / sds[k];
                means[k] = parameterMeans[k];
            }
            double logLikelihood = 0;
            // The hot loop: one pass, K logs of densities, K exponentials, no allocation.
            for (double x : data) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < components; k++) {
                    double z = (x - means[k]) * precisionRoots[k];
                    double term = logNormalizers[k] - 0.5 * z * z;
                    responsibilities[k] = term;
                    max = Math.max(max, term);
                }
                // Log-sum-exp around the largest term keeps tail points from underflowing to a zero density.
                double sum = 0;
                for (int k = 0; k < components; k++) {
                    double e = Math.exp(responsibilities[k] - max);
                    responsibilities[k] = e;
                    sum += e;
                }
                logLikelihood += max + Math.log(sum);
                double inverse = 1 / sum;
                // Centering on the data mean keeps the sum of squares from cancelling when means are far from 0.
                double d = x - center;
                for (int k = 0; k < components; k++) {
                    double r = responsibilities[k] * inverse;
                    statistics[3 * k] += r;
                    statistics[3 * k + 1] += r * d;
                    statistics[3 * k + 2] += r * d * d;
                }
            }
            if (prior != null) {
                logLikelihood += logPriorDensity(parameters);
            }
            return new Expectation<>(statistics, logLikelihood);
        }

        /** The normal–inverse-gamma (d = 1 inverse-Wishart) and Dirichlet log prior, up to a constant. */
        private double logPriorDensity(NormalMixtureParameters parameters) {
            double[] weights = parameters.weights();
            double[] means = parameters.means();
            double[] sds = parameters.sds();
            double sum = prior.logWeightDensity(weights);
            double scale = prior.scale()[0];
            double priorMean = prior.mean()[0];
            for (int k = 0; k < components; k++) {
                double variance = sds[k] * sds[k];
                double offset = means[k] - priorMean;
                sum += -0.5 * (prior.degreesOfFreedom() + 3) * Math.log(variance) - 0.5 * scale / variance
                        - 0.5 * prior.meanShrinkage() * offset * offset / variance;
            }
            return sum;
        }

        @Override
        public NormalMixtureParameters maximization(double[] statistics) {
            if (prior != null) {
                return posteriorMode(statistics);
            }
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
            MultivariateGaussianMixture.normalize(weights);
            return new NormalMixtureParameters(weights, means, sds);
        }

        /** Fraley &amp; Raftery's MAP M-step with d = 1: shrunken means, variances padded by the prior scale. */
        private NormalMixtureParameters posteriorMode(double[] statistics) {
            double[] counts = new double[components];
            double[] means = new double[components];
            double[] sds = new double[components];
            double kappa = prior.meanShrinkage();
            double priorMean = prior.mean()[0];
            double scale = prior.scale()[0];
            for (int k = 0; k < components; k++) {
                double count = statistics[3 * k];
                counts[k] = count;
                double shift = count > 0 ? statistics[3 * k + 1] / count : 0;
                double scatter = Math.max(statistics[3 * k + 2] - count * shift * shift, 0);
                double componentMean = center + shift;
                double offset = componentMean - priorMean;
                means[k] = (count * componentMean + kappa * priorMean) / (count + kappa);
                double variance = (scale + scatter + kappa * count / (kappa + count) * offset * offset)
                        / (count + prior.degreesOfFreedom() + 3);
                sds[k] = Math.sqrt(variance);
            }
            double[] weights = prior.weights(counts, data.length);
            MultivariateGaussianMixture.normalize(weights);
            return new NormalMixtureParameters(weights, means, sds);
        }
    }
}
