package org.muster.em.internal.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.transforms.Identity;
import org.muster.core.api.transforms.Transform;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.RunConfig;
import org.muster.em.internal.optim.FiniteDifferences;
import org.muster.em.internal.optim.Lbfgs;
import org.muster.em.internal.optim.OptimizationResult;

/**
 * The posterior mode by L-BFGS on the unconstrained space, from one start per configured chain, with
 * standard errors from the inverse Hessian of the negative log density (central differences of the
 * compiled gradient) carried to the constrained scale by the delta method. A mode on the boundary of a
 * parameter's support (tau → 0 in a hierarchical model under a flat prior) is reported as a warning and
 * no estimate, never as a value.
 */
final class MaximumAPosteriori implements InferenceMethod {

    /** Beyond this an unconstrained coordinate is at its support's boundary in double precision terms (e^-15). */
    static final double BOUNDARY_COORDINATE = 15;
    /** How far to push a coordinate toward its boundary to test whether the density still rises there. */
    private static final double BOUNDARY_PROBE = 10;
    private static final int MAX_INIT_ATTEMPTS = 100;

    private final boolean jacobian;
    private final Lbfgs optimizer;

    MaximumAPosteriori(boolean jacobian, Lbfgs optimizer) {
        this.jacobian = jacobian;
        this.optimizer = optimizer;
    }

    @Override
    public Fit fit(Model model, RunConfig config, FitListener listener) {
        model.requireNoDiscreteParameters(ProviderIds.MAP);
        CompiledModel compiled = model.compile();
        int n = compiled.dimension();
        if (n == 0) {
            throw new IllegalArgumentException("the model has no parameters to estimate");
        }
        ModelEvaluator evaluator = compiled.newEvaluator();
        PosteriorModeObjective objective = new PosteriorModeObjective(evaluator, jacobian);
        SplittableRandom random = new SplittableRandom(config.seed());
        OptimizationResult best = null;
        List<Double> optima = new ArrayList<>();
        for (int start = 0; start < config.chains() && !listener.isCancelled(); start++) {
            double[] x0 = initialPoint(compiled, objective, config, random);
            OptimizationResult result = optimizer.minimize(objective, x0);
            optima.add(result.value());
            if (best == null || result.value() < best.value()) {
                best = result;
            }
            listener.onIteration(start, 1, 1, false);
        }
        if (best == null) {
            return new PointEstimate(ProviderIds.MAP, Map.of(), Map.of(), Double.NaN, new double[0],
                    List.of("cancelled before the first optimization finished"), settings(0, 0, null));
        }
        double tolerance = 1e-6 * Math.max(1, Math.abs(best.value()));
        int atBest = 0;
        for (double value : optima) {
            if (value - best.value() <= tolerance) {
                atBest++;
            }
        }
        double[] trace = best.trace();
        for (int i = 0; i < trace.length; i++) {
            trace[i] = -trace[i];
        }
        Map<String, String> settings = settings(optima.size(), atBest, best);
        List<String> warnings = new ArrayList<>();
        double[] x = best.point();
        List<String> boundary = boundaryCoordinates(compiled, objective, x);
        if (!boundary.isEmpty()) {
            warnings.add("no posterior mode in the interior: the log density keeps rising as " + String.join(", ", boundary)
                    + " approach" + (boundary.size() == 1 ? "es" : "") + " the boundary of the support, so the maximum"
                    + " is not attained and no estimate is reported. Full Bayes (nuts) averages over this region"
                    + " instead; a prior that keeps the parameter away from the boundary also gives a mode.");
            return new PointEstimate(ProviderIds.MAP, Map.of(), Map.of(), -best.value(), trace, warnings, settings);
        }
        if (!best.status().converged()) {
            warnings.add("the optimizer stopped before convergence (" + best.status().toString().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " after " + best.iterations() + " iterations); the estimate may not be a mode");
        }
        if (atBest < optima.size()) {
            warnings.add((optima.size() - atBest) + " of " + optima.size() + " starts ended at a worse local optimum"
                    + " (log density " + String.format(Locale.ROOT, "%.6g", -worst(optima)) + " against "
                    + String.format(Locale.ROOT, "%.6g", -best.value()) + ")");
        }
        Map<String, double[]> estimates = compiled.constrain(x);
        Map<String, double[]> standardErrors = standardErrors(compiled, evaluator, objective, x, warnings);
        return new PointEstimate(ProviderIds.MAP, estimates, standardErrors, -best.value(), trace, warnings, settings);
    }

    private Map<String, String> settings(int starts, int atBest, OptimizationResult best) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "lbfgs");
        settings.put("jacobian", Boolean.toString(jacobian));
        settings.put("starts", Integer.toString(starts));
        settings.put("starts_at_best", Integer.toString(atBest));
        if (best != null) {
            settings.put("iterations", Integer.toString(best.iterations()));
            settings.put("status", best.status().toString().toLowerCase(Locale.ROOT));
        }
        return settings;
    }

    private static double worst(List<Double> optima) {
        return optima.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Uniform(-2, 2) on the unconstrained scale, as the samplers start, overridden by the given initial values. */
    private static double[] initialPoint(CompiledModel compiled, PosteriorModeObjective objective, RunConfig config,
            SplittableRandom random) {
        double[] x = new double[compiled.dimension()];
        double[] gradient = new double[x.length];
        for (int attempt = 0; attempt < MAX_INIT_ATTEMPTS; attempt++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble(-2, 2);
            }
            compiled.unconstrainInto(config.initialValues(), x);
            if (objective.isFiniteAt(x, gradient)) {
                return x;
            }
        }
        throw new IllegalArgumentException("no starting point with a finite log density and gradient in "
                + MAX_INIT_ATTEMPTS + " attempts; give initial values");
    }

    /**
     * The constrained coordinates whose optimum lies on the boundary: either the optimizer ran them to
     * where the transform saturates, or the log density does not fall when they are pushed further toward it.
     */
    private static List<String> boundaryCoordinates(CompiledModel compiled, PosteriorModeObjective objective, double[] x) {
        Transform[] transforms = new Transform[x.length];
        for (Node node : compiled.model().nodes()) {
            if (node.kind() == NodeKind.PARAMETER) {
                UnconstrainedBlock block = compiled.unconstrainedBlock(node);
                Arrays.fill(transforms, block.offset(), block.offset() + block.size(), block.transform());
            }
        }
        List<String> names = compiled.unconstrainedNames();
        double logPosterior = objective.logPosterior(x);
        List<String> boundary = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (transforms[i] == null || transforms[i] instanceof Identity) {
                continue;
            }
            boolean saturated = Math.abs(x[i]) > BOUNDARY_COORDINATE;
            double[] pushed = x.clone();
            pushed[i] += Math.copySign(BOUNDARY_PROBE, x[i]);
            double pushedLogPosterior = objective.logPosterior(pushed);
            // An interior mode loses density when a coordinate moves e^10 toward its bound; a boundary mode does not.
            boolean stillRising = pushedLogPosterior >= logPosterior - 1e-9 * Math.max(1, Math.abs(logPosterior));
            if (saturated || stillRising) {
                boundary.add(names.get(i) + " (" + atLastStep(compiled, names.get(i), x) + " at the last step)");
            }
        }
        return boundary;
    }

    /**
     * The coordinate's constrained value for an elementwise transform; for one that maps a block to a
     * larger or differently shaped value (a simplex, a Cholesky factor) member i is not coordinate i, so
     * the unconstrained coordinate is shown instead.
     */
    private static String atLastStep(CompiledModel compiled, String coordinate, double[] x) {
        int bracket = coordinate.indexOf('[');
        String node = bracket < 0 ? coordinate : coordinate.substring(0, bracket);
        int index = bracket < 0 ? 0 : Integer.parseInt(coordinate.substring(bracket + 1, coordinate.length() - 1)) - 1;
        double[] values = compiled.constrain(x).get(node);
        UnconstrainedBlock block = compiled.unconstrainedBlock(compiled.model().requireNode(node));
        if (values == null || values.length != block.size() || index >= values.length) {
            return "unconstrained " + String.format(Locale.ROOT, "%.3g", x[block.offset() + index]);
        }
        return String.format(Locale.ROOT, "%.3g", values[index]);
    }

    /**
     * Delta method: Var(g(x)) ≈ J H⁻¹ Jᵀ with H the Hessian of the negative log density over the
     * unconstrained coordinates and J the Jacobian of the constrained outputs. At a mode of the
     * constrained density (no Jacobian term) this is the inverse Hessian on the constrained scale.
     */
    private static Map<String, double[]> standardErrors(CompiledModel compiled, ModelEvaluator evaluator,
            PosteriorModeObjective objective, double[] x, List<String> warnings) {
        int n = x.length;
        int m = evaluator.outputSize();
        double[] se = new double[m];
        Arrays.fill(se, Double.NaN);
        RealMatrix hessian = new Array2DRowRealMatrix(FiniteDifferences.hessian(objective, x), false);
        RealMatrix covariance = null;
        try {
            covariance = new CholeskyDecomposition(hessian, 1e-12, 1e-14).getSolver().getInverse();
        } catch (NonPositiveDefiniteMatrixException e) {
            warnings.add("the Hessian at the estimate is not positive definite (a flat direction or a saddle),"
                    + " so no standard errors are reported");
        }
        if (covariance != null) {
            RealMatrix jacobian = new Array2DRowRealMatrix(FiniteDifferences.jacobian(evaluator::outputs, m, x), false);
            for (int i = 0; i < m; i++) {
                double[] row = jacobian.getRow(i);
                double variance = 0;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        variance += row[a] * covariance.getEntry(a, b) * row[b];
                    }
                }
                se[i] = Math.sqrt(Math.max(variance, 0));
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, double[]> entry : compiled.constrain(x).entrySet()) {
            double[] v = new double[entry.getValue().length];
            System.arraycopy(se, k, v, 0, v.length);
            k += v.length;
            out.put(entry.getKey(), v);
        }
        return out;
    }
}
