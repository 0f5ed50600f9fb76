package org.muster.em.internal.mixture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.RunConfig;
import org.muster.em.api.EmResult;
import org.muster.em.api.ExpectationMaximization;
import org.muster.em.api.GaussianMixture;
import org.muster.em.api.MixtureFit;
import org.muster.em.api.MixturePrior;
import org.muster.em.api.NormalMixtureParameters;
import org.muster.em.internal.optim.FiniteDifferences;

/**
 * EM for a model recognized as a normal mixture ({@link MixtureGraph}): {@link GaussianMixture} from
 * {@code restarts} random starts seeded by the run's seed, the best kept. The components are put in
 * the order of their means, the order the family's ordered parameterization imposes, and the estimates
 * are reported under the model's own names (every parameter and named deterministic node, as the
 * samplers report them) plus {@code responsibility}: n×K values, row-major, entry i K + k being
 * p(component k | y_i) with components in that order. Standard errors are not computed (NaN). The
 * run's initial values and chain count are not used: the starts are the restarts' random data points.
 */
final class MixtureExpectationMaximization implements InferenceMethod {

    /** The means a mean parameterization reproduces must match the EM means to this relative precision. */
    private static final double MEANS_MATCH = 1e-9;
    private static final int GAUSS_NEWTON_STEPS = 100;

    private final int restarts;
    private final int iterations;
    private final double tolerance;
    private final boolean map;

    MixtureExpectationMaximization(int restarts, int iterations, double tolerance, boolean map) {
        this.restarts = restarts;
        this.iterations = iterations;
        this.tolerance = tolerance;
        this.map = map;
    }

    @Override
    public Fit fit(Model model, RunConfig config, FitListener listener) {
        MixtureGraph graph = MixtureGraph.recognize(model);
        double[] data = graph.data();
        int components = graph.components();
        if (data.length <= components) {
            throw new IllegalArgumentException("em: " + data.length + " observations cannot inform " + components
                    + " components");
        }
        MixturePrior prior = map ? MixturePrior.fraleyRaftery(data, components) : null;
        GaussianMixture mixture = new GaussianMixture(new ExpectationMaximization(iterations, tolerance), prior);
        if (listener.isCancelled()) {
            return noEstimate(List.of("cancelled before the first EM run"), settings(0, 0, 0, null));
        }
        MixtureFit fit;
        try {
            fit = mixture.fit(data, components, restarts, config.seed());
        } catch (IllegalStateException e) {
            List<String> warnings = new ArrayList<>();
            warnings.add("no estimate: " + e.getMessage() + (map ? "" : "; prior=map keeps components away from"
                    + " single points"));
            return noEstimate(warnings, settings(restarts, 0, restarts, null));
        }
        listener.onIteration(0, restarts, restarts, false);
        EmResult<NormalMixtureParameters> best = fit.best();
        NormalMixtureParameters p = best.parameters();
        int[] order = IntStream.range(0, components).boxed().sorted(Comparator.comparingDouble(k -> p.means()[k]))
                .mapToInt(Integer::intValue).toArray();
        double[] weights = permute(p.weights(), order);
        double[] means = permute(p.means(), order);
        double[] sds = permute(p.sds(), order);

        CompiledModel compiled = model.compile();
        double[] x = new double[compiled.dimension()];
        Map<String, double[]> direct = new LinkedHashMap<>();
        direct.put(graph.weights().name(), weights);
        direct.put(graph.sigma().name(), sds);
        if (graph.meanParameters().size() == 1 && graph.meanParameters().get(0) == graph.mu()) {
            direct.put(graph.mu().name(), means);
        }
        compiled.unconstrainInto(direct, x);
        if (!direct.containsKey(graph.mu().name())) {
            solveForMeans(compiled, graph, means, x);
        }
        Map<String, double[]> estimates = new LinkedHashMap<>(compiled.constrain(x));
        double[] reproduced = estimates.get(graph.mu().name());
        if (reproduced == null) {
            reproduced = new double[components];
            ModelEvaluator evaluator = compiled.newEvaluator();
            evaluator.computeValues(x);
            for (int k = 0; k < components; k++) {
                reproduced[k] = evaluator.value(graph.mu(), k);
            }
        }
        checkMeans(means, reproduced, graph);

        double[] responsibilities = GaussianMixture.responsibilities(data, p);
        double[] ordered = new double[responsibilities.length];
        for (int i = 0; i < data.length; i++) {
            for (int k = 0; k < components; k++) {
                ordered[i * components + k] = responsibilities[i * components + order[k]];
            }
        }
        estimates.put("responsibility", ordered);
        Map<String, double[]> standardErrors = new LinkedHashMap<>();
        estimates.forEach((name, v) -> {
            double[] nan = new double[v.length];
            Arrays.fill(nan, Double.NaN);
            standardErrors.put(name, nan);
        });

        List<String> warnings = new ArrayList<>();
        if (fit.worseLocalMaxima() > 0) {
            double worst = fit.runs().stream().mapToDouble(EmResult::logLikelihood).min().orElseThrow();
            warnings.add(String.format(Locale.ROOT, "%d of %d restarts ended at a worse local maximum (%s %.6g at"
                    + " the worst vs %.6g at the best)", fit.worseLocalMaxima(), restarts, objectiveName(), worst,
                    best.logLikelihood()));
        }
        if (fit.collapsed() > 0) {
            warnings.add(fit.collapsed() + " of " + restarts + " restarts were abandoned because a component collapsed"
                    + " onto a point (where the likelihood is unbounded); prior=map keeps components away from it");
        }
        if (!best.converged()) {
            warnings.add("the best run stopped at the iteration limit (" + iterations + ") before the " + objectiveName()
                    + " settled; raise iterations");
        }
        return new PointEstimate(EmProvider.ID, estimates, standardErrors, best.logLikelihood(), best.trace(), warnings,
                settings(restarts, fit.reachedBest(), fit.collapsed(), best));
    }

    private String objectiveName() {
        return map ? "log posterior" : "log likelihood";
    }

    private static double[] permute(double[] values, int[] order) {
        double[] out = new double[values.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = values[order[k]];
        }
        return out;
    }

    /**
     * Gauss–Newton on the unconstrained coordinates of the parameters {@code mu} is computed from, until
     * {@code mu} equals {@code means}: exact in a few steps for the family's first-mean-and-gaps form.
     * The pseudo-inverse (SVD) takes the shortest step when there are more coordinates than means.
     *
     * @param x modified: the mean parameters' coordinates are overwritten
     */
    private static void solveForMeans(CompiledModel compiled, MixtureGraph graph, double[] means, double[] x) {
        List<Integer> coordinates = new ArrayList<>();
        for (Node parameter : graph.meanParameters()) {
            UnconstrainedBlock block = compiled.unconstrainedBlock(parameter);
            for (int i = 0; i < block.size(); i++) {
                coordinates.add(block.offset() + i);
            }
        }
        int m = coordinates.size();
        int components = means.length;
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] u = new double[m];
        double scale = 1;
        for (double mean : means) {
            scale = Math.max(scale, Math.abs(mean));
        }
        double[] residual = new double[components];
        double norm = residuals(evaluator, graph.mu(), coordinates, u, x, means, residual);
        for (int step = 0; step < GAUSS_NEWTON_STEPS && norm > MEANS_MATCH * 1e-3 * scale; step++) {
            double[] current = u.clone();
            double[][] jacobian = FiniteDifferences.jacobian(
                    (point, out) -> residuals(evaluator, graph.mu(), coordinates, point, x, means, out), components, u);
            double[] direction = new SingularValueDecomposition(new Array2DRowRealMatrix(jacobian, false)).getSolver()
                    .solve(new ArrayRealVector(residual, false)).toArray();
            double length = 1;
            double next = Double.POSITIVE_INFINITY;
            double[] trial = new double[components];
            // Halve the step until the residual shrinks: the transforms (log of a gap) are not linear.
            for (int halving = 0; halving < 40; halving++) {
                for (int i = 0; i < m; i++) {
                    u[i] = current[i] - length * direction[i];
                }
                next = residuals(evaluator, graph.mu(), coordinates, u, x, means, trial);
                if (next < norm) {
                    break;
                }
                length /= 2;
            }
            if (!(next < norm)) {
                System.arraycopy(current, 0, u, 0, m);
                break;
            }
            norm = next;
            System.arraycopy(trial, 0, residual, 0, components);
        }
        for (int i = 0; i < m; i++) {
            x[coordinates.get(i)] = u[i];
        }
    }

    /** Writes mu(x with {@code u} in place) - means into {@code out}; returns its largest magnitude (∞ if not finite). */
    private static double residuals(ModelEvaluator evaluator, Node mu, List<Integer> coordinates, double[] u, double[] x,
            double[] means, double[] out) {
        double[] point = x.clone();
        for (int i = 0; i < u.length; i++) {
            point[coordinates.get(i)] = u[i];
        }
        evaluator.computeValues(point);
        double largest = 0;
        for (int k = 0; k < means.length; k++) {
            out[k] = evaluator.value(mu, k) - means[k];
            largest = Double.isFinite(out[k]) ? Math.max(largest, Math.abs(out[k])) : Double.POSITIVE_INFINITY;
        }
        return largest;
    }

    private static void checkMeans(double[] means, double[] reproduced, MixtureGraph graph) {
        for (int k = 0; k < means.length; k++) {
            if (!(Math.abs(reproduced[k] - means[k]) <= MEANS_MATCH * Math.max(1, Math.abs(means[k])))) {
                throw new IllegalArgumentException("em: the model's means '" + graph.mu().name() + "' cannot take the EM"
                        + " means " + Arrays.toString(means) + " (closest " + Arrays.toString(reproduced)
                        + "); " + MixtureGraph.SUPPORTED);
            }
        }
    }

    private PointEstimate noEstimate(List<String> warnings, Map<String, String> settings) {
        return new PointEstimate(EmProvider.ID, Map.of(), Map.of(), Double.NaN, new double[0], warnings, settings);
    }

    private Map<String, String> settings(int runs, int atBest, int collapsed, EmResult<NormalMixtureParameters> best) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "em");
        settings.put("prior", map ? "map (Fraley-Raftery conjugate prior; objective is the log posterior)"
                : "none (maximum likelihood; the model's priors are not used)");
        settings.put("objective", map ? "log posterior" : "log likelihood");
        settings.put("restarts", Integer.toString(runs));
        settings.put("restarts_at_best", Integer.toString(atBest));
        settings.put("restarts_collapsed", Integer.toString(collapsed));
        settings.put("tolerance", Double.toString(tolerance));
        settings.put("max_iterations", Integer.toString(iterations));
        if (best != null) {
            settings.put("iterations", Integer.toString(best.iterations()));
            settings.put("converged", Boolean.toString(best.converged()));
        }
        return settings;
    }
}
