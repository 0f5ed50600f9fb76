package org.muster.em.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.muster.em.internal.linalg.Cholesky;

/**
 * Maximum-likelihood or MAP fit of a mixture of d-variate normals with full covariance matrices by EM
 * (McLachlan &amp; Peel, <i>Finite Mixture Models</i>, 2000, §3.2; with a {@link MixturePrior}, the
 * MAP-EM of Fraley &amp; Raftery 2007). The E-step is one pass over the data: per point, a forward
 * substitution with each component's Cholesky factor, log-sum-exp responsibilities, and accumulation of
 * each component's responsibility-weighted count, sum and cross-products around the data mean; nothing
 * is allocated per point. The M-step forms weights, means and covariances and factors each covariance
 * once. With a prior the objective the engine checks for monotonicity is the log posterior. Immutable;
 * data arrays are never modified.
 */
public final class MultivariateGaussianMixture {

    /** A covariance pivot at or below this fraction of the data's average variance means a collapse. */
    private static final double COLLAPSE = 1e-12;
    /** Runs within this relative distance of the best objective count as having reached it. */
    static final double SAME_MAXIMUM = 1e-6;

    private final ExpectationMaximization engine;
    private final MixturePrior prior;

    /** Maximum likelihood: no prior. */
    public MultivariateGaussianMixture(ExpectationMaximization engine) {
        this(engine, null);
    }

    /**
     * MAP-EM under {@code prior} (null for maximum likelihood).
     */
    public MultivariateGaussianMixture(ExpectationMaximization engine, MixturePrior prior) {
        this.engine = engine;
        this.prior = prior;
    }

    /** The prior, if this is MAP-EM. */
    public Optional<MixturePrior> prior() {
        return Optional.ofNullable(prior);
    }

    /**
     * Runs EM from {@code start}.
     *
     * @param data not modified: n rows of d finite values
     * @throws IllegalArgumentException naming a row that is ragged or not finite
     * @throws IllegalStateException if a component's covariance becomes singular (without a prior the
     *     likelihood is unbounded there), naming the component and the iteration
     */
    public EmResult<MultivariateNormalMixtureParameters> fit(double[][] data, MultivariateNormalMixtureParameters start) {
        double[] flat = flatten(data);
        if (start.dimension() != data[0].length) {
            throw new IllegalArgumentException("the start has dimension " + start.dimension() + " but the data "
                    + data[0].length);
        }
        return fit(flat, data.length, start);
    }

    private EmResult<MultivariateNormalMixtureParameters> fit(double[] flat, int n,
            MultivariateNormalMixtureParameters start) {
        checkPrior(start.dimension());
        return engine.run(new Problem(flat, n, start.dimension(), start.components(), prior), start);
    }

    /**
     * Runs EM from {@code starts} k-means++ starts (Arthur &amp; Vassilvitskii 2007: each further mean is a
     * data point drawn with probability proportional to its squared distance from the nearest mean
     * already chosen; every covariance the data's, equal weights) and keeps the best.
     *
     * @param data not modified: n rows of d finite values, n &gt; d
     * @throws IllegalStateException if every start collapsed
     */
    public MultivariateMixtureFit fit(double[][] data, int components, int starts, long seed) {
        double[] flat = flatten(data);
        int n = data.length;
        int d = data[0].length;
        if (components < 1 || starts < 1 || n < components || n <= d) {
            throw new IllegalArgumentException("need at least one component and one start, as many rows as components,"
                    + " and more rows than dimensions; got " + components + " components, " + starts + " starts, " + n
                    + " rows of " + d);
        }
        double[] covariance = covariance(flat, n, d);
        if (Cholesky.decompose(covariance, 0, d, new double[d * d], 0, 0) >= 0) {
            throw new IllegalArgumentException("the data's covariance is singular (the rows lie in a lower-dimensional"
                    + " subspace), so no mixture of full-covariance normals fits them");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<MultivariateNormalMixtureParameters> initial = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            initial.add(kMeansPlusPlusStart(flat, n, d, components, covariance, random));
        }
        return fit(flat, n, initial);
    }

    /**
     * Runs EM from each of {@code starts} and keeps the best, counting the runs that ended at a worse
     * local maximum and those abandoned because a component collapsed.
     *
     * @param data not modified
     * @throws IllegalStateException if every start collapsed
     */
    public MultivariateMixtureFit fit(double[][] data, List<MultivariateNormalMixtureParameters> starts) {
        return fit(flatten(data), data.length, starts);
    }

    private MultivariateMixtureFit fit(double[] flat, int n, List<MultivariateNormalMixtureParameters> starts) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("need at least one start");
        }
        List<EmResult<MultivariateNormalMixtureParameters>> runs = new ArrayList<>();
        int collapsed = 0;
        String lastCollapse = null;
        for (MultivariateNormalMixtureParameters start : starts) {
            try {
                runs.add(fit(flat, n, start));
            } catch (ComponentCollapseException e) {
                collapsed++;
                lastCollapse = e.getMessage();
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException("all " + starts.size() + " starts ended with a collapsed component; the last: "
                    + lastCollapse);
        }
        EmResult<MultivariateNormalMixtureParameters> best = runs.get(0);
        for (EmResult<MultivariateNormalMixtureParameters> run : runs) {
            if (run.logLikelihood() > best.logLikelihood()) {
                best = run;
            }
        }
        double tolerance = SAME_MAXIMUM * Math.max(1, Math.abs(best.logLikelihood()));
        int reachedBest = 0;
        for (EmResult<MultivariateNormalMixtureParameters> run : runs) {
            if (best.logLikelihood() - run.logLikelihood() <= tolerance) {
                reachedBest++;
            }
        }
        MultivariateNormalMixtureParameters p = best.parameters();
        double[] responsibilities = new double[n * p.components()];
        double logLikelihood = responsibilities(flat, n, p, responsibilities);
        return new MultivariateMixtureFit(best, runs, reachedBest, collapsed, logLikelihood, responsibilities);
    }

    /**
     * The responsibilities p(component k | x_i), n×K row-major.
     *
     * @param data not modified
     */
    public static double[] responsibilities(double[][] data, MultivariateNormalMixtureParameters parameters) {
        double[] out = new double[data.length * parameters.components()];
        responsibilities(flatten(data), data.length, parameters, out);
        return out;
    }

    /** The observed-data log likelihood of {@code data} (not modified). */
    public static double logLikelihood(double[][] data, MultivariateNormalMixtureParameters parameters) {
        return responsibilities(flatten(data), data.length, parameters, new double[data.length * parameters.components()]);
    }

    private static double responsibilities(double[] flat, int n, MultivariateNormalMixtureParameters p, double[] out) {
        int k = p.components();
        int d = p.dimension();
        double[] row = new double[k];
        double[] scratch = new double[d];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += p.logDensity(flat, i * d, row, scratch);
            System.arraycopy(row, 0, out, i * k, k);
        }
        return sum;
    }

    private void checkPrior(int d) {
        if (prior != null && prior.dimension() != d) {
            throw new IllegalArgumentException("the prior has dimension " + prior.dimension() + " but the data " + d);
        }
    }

    private static MultivariateNormalMixtureParameters kMeansPlusPlusStart(double[] flat, int n, int d, int components,
            double[] covariance, SplittableRandom random) {
        double[] means = new double[components * d];
        double[] nearest = new double[n];
        int first = random.nextInt(n);
        System.arraycopy(flat, first * d, means, 0, d);
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int k = 1; k < components; k++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double distance = 0;
                for (int j = 0; j < d; j++) {
                    double diff = flat[i * d + j] - means[(k - 1) * d + j];
                    distance += diff * diff;
                }
                nearest[i] = Math.min(nearest[i], distance);
                total += nearest[i];
            }
            int chosen = random.nextInt(n);
            if (total > 0) {
                double u = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    u -= nearest[i];
                    if (u < 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            System.arraycopy(flat, chosen * d, means, k * d, d);
        }
        double[] weights = new double[components];
        double[] covariances = new double[components * d * d];
        for (int k = 0; k < components; k++) {
            weights[k] = 1.0 / components;
            System.arraycopy(covariance, 0, covariances, k * d * d, d * d);
        }
        return new MultivariateNormalMixtureParameters(weights, means, covariances, d);
    }

    static double[] flatten(double[][] data) {
        if (data.length == 0 || data[0].length == 0) {
            throw new IllegalArgumentException("no data: need at least one row of at least one value");
        }
        int d = data[0].length;
        double[] flat = new double[data.length * d];
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != d) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + data[i].length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(data[i][j])) {
                    throw new IllegalArgumentException("row " + (i + 1) + ", column " + (j + 1) + " is " + data[i][j]
                            + "; expected a finite number");
                }
                flat[i * d + j] = data[i][j];
            }
        }
        return flat;
    }

    /** The maximum-likelihood (divide by n) covariance of the rows of {@code flat}, d×d row-major. */
    static double[] covariance(double[] flat, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += flat[i * d + j] / n;
            }
        }
        double[] out = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    out[a * d + b] += (flat[i * d + a] - mean[a]) * (flat[i * d + b] - mean[b]) / n;
                }
            }
        }
        return out;
    }

    /** A component's covariance became singular: it collapsed onto a point or a lower-dimensional set. */
    static final class ComponentCollapseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ComponentCollapseException(int component, double count) {
            super("mixture component " + (component + 1) + " collapsed (its covariance became singular with "
                    + String.format(java.util.Locale.ROOT, "%.3g", count) + " expected points), where the likelihood"
                    + " is unbounded; fewer components or a prior (MAP-EM, MixturePrior) keep it away");
        }
    }

    /**
     * Statistics per component, each block [N_k, S_k (d), T_k (d×d)] of Σ r, Σ r (x - c) and
     * Σ r (x - c)(x - c)ᵀ around the data mean c, which keeps the cross-products from cancelling.
     */
    private static final class Problem implements EmProblem<MultivariateNormalMixtureParameters, double[]> {
        private final double[] data;
        private final int n;
        private final int d;
        private final int components;
        private final int stride;
        private final double[] center;
        private final double minPivot;
        private final MixturePrior prior;
        private final double[] responsibilities;
        private final double[] scratch;
        private final double[] deviation;

        Problem(double[] data, int n, int d, int components, MixturePrior prior) {
            this.data = data;
            this.n = n;
            this.d = d;
            this.components = components;
            this.stride = 1 + d + d * d;
            this.prior = prior;
            this.center = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    center[j] += data[i * d + j] / n;
                }
            }
            double[] covariance = covariance(data, n, d);
            double averageVariance = 0;
            for (int j = 0; j < d; j++) {
                averageVariance += covariance[j * d + j] / d;
            }
            this.minPivot = COLLAPSE * averageVariance;
            this.responsibilities = new double[components];
            this.scratch = new double[d];
            this.deviation = new double[d];
        }

        @Override
        public Expectation<double[]> expectation(MultivariateNormalMixtureParameters parameters) {
            double[] statistics = new double[components * stride];
            double logLikelihood = 0;
            for (int i = 0; i < n; i++) {
                logLikelihood += parameters.logDensity(data, i * d, responsibilities, scratch);
                for (int j = 0; j < d; j++) {
                    deviation[j] = data[i * d + j] - center[j];
                }
                for (int k = 0; k < components; k++) {
                    double r = responsibilities[k];
                    int base = k * stride;
                    statistics[base] += r;
                    for (int a = 0; a < d; a++) {
                        double ra = r * deviation[a];
                        statistics[base + 1 + a] += ra;
                        // The lower triangle only: the M-step mirrors it.
                        int row = base + 1 + d + a * d;
                        for (int b = 0; b <= a; b++) {
                            statistics[row + b] += ra * deviation[b];
                        }
                    }
                }
            }
            if (prior != null) {
                logLikelihood += parameters.logPriorDensity(prior);
            }
            return new Expectation<>(statistics, logLikelihood);
        }

        @Override
        public MultivariateNormalMixtureParameters maximization(double[] statistics) {
            double[] counts = new double[components];
            double[] means = new double[components * d];
            double[] covariances = new double[components * d * d];
            double[] priorMean = prior == null ? null : prior.mean();
            double[] priorScale = prior == null ? null : prior.scale();
            double[] factor = new double[d * d];
            for (int k = 0; k < components; k++) {
                int base = k * stride;
                double count = statistics[base];
                counts[k] = count;
                if (prior == null && !(count > 0)) {
                    throw new ComponentCollapseException(k, count);
                }
                int block = k * d * d;
                double[] shift = new double[d];
                for (int a = 0; a < d; a++) {
                    shift[a] = count > 0 ? statistics[base + 1 + a] / count : 0;
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        // W_k = T_k - N_k s sᵀ: the scatter around the component's own mean.
                        double scatter = statistics[base + 1 + d + a * d + b] - count * shift[a] * shift[b];
                        covariances[block + a * d + b] = scatter;
                    }
                }
                if (prior == null) {
                    for (int a = 0; a < d; a++) {
                        means[k * d + a] = center[a] + shift[a];
                        for (int b = 0; b <= a; b++) {
                            covariances[block + a * d + b] /= count;
                        }
                    }
                } else {
                    double kappa = prior.meanShrinkage();
                    double shrink = kappa * count / (kappa + count);
                    double denominator = count + prior.degreesOfFreedom() + d + 2;
                    for (int a = 0; a < d; a++) {
                        double componentMean = center[a] + shift[a];
                        means[k * d + a] = (count * componentMean + kappa * priorMean[a]) / (count + kappa);
                        double da = componentMean - priorMean[a];
                        for (int b = 0; b <= a; b++) {
                            double db = center[b] + shift[b] - priorMean[b];
                            covariances[block + a * d + b] = (priorScale[a * d + b] + covariances[block + a * d + b]
                                    + shrink * da * db) / denominator;
                        }
                    }
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < a; b++) {
                        covariances[block + b * d + a] = covariances[block + a * d + b];
                    }
                }
                if (prior == null && Cholesky.decompose(covariances, block, d, factor, 0, minPivot) >= 0) {
                    throw new ComponentCollapseException(k, count);
                }
            }
            double[] weights;
            if (prior == null) {
                weights = new double[components];
                for (int k = 0; k < components; k++) {
                    weights[k] = counts[k] / n;
                }
            } else {
                weights = prior.weights(counts, n);
            }
            normalize(weights);
            return new MultivariateNormalMixtureParameters(weights, means, covariances, d);
        }
    }

    /** Removes the rounding of Σ r_ik = n so the weights sum to 1 within the parameters' check. */
    static void normalize(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= total;
        }
    }
}
