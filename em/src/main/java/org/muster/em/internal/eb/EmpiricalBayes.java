package org.muster.em.internal.eb;

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
import org.muster.core.api.PointEstimate;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.conjugate.UnitLayer;
import org.muster.core.api.transforms.Identity;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.RunConfig;
import org.muster.em.api.BetaBinomialEmpiricalBayes;
import org.muster.em.api.BetaBinomialEstimate;
import org.muster.em.internal.optim.FiniteDifferences;
import org.muster.em.internal.optim.Lbfgs;
import org.muster.em.internal.optim.OptimizationResult;

/**
 * Empirical Bayes over a model graph (Efron &amp; Morris 1975; BDA3 §5.3): the unit layer is integrated
 * out in closed form and the remaining parameters maximize the marginal likelihood (type-II maximum
 * likelihood) or, with their prior, the marginal posterior (MAP-II), by L-BFGS on the unconstrained
 * space from one start per configured chain. Standard errors of the remaining parameters come from the
 * Hessian of the objective (central differences) carried to the constrained scale by the delta method;
 * each unit is reported by its conditional posterior mean and sd given those estimates. Other estimators:
 * the method of moments on the raw rates (beta-binomial), and the two ends of the ladder, no pooling
 * (each unit's own maximum-likelihood estimate) and complete pooling (one estimate for all).
 */
final class EmpiricalBayes implements InferenceMethod {

    /** How the population is estimated. */
    enum Estimator {
        TYPE_TWO("type2"), MOMENTS("moments"), NO_POOLING("none"), COMPLETE_POOLING("complete");

        final String label;

        Estimator(String label) {
            this.label = label;
        }
    }

    /** Beyond this an unconstrained coordinate is at its support's boundary in double-precision terms (e^-15). */
    private static final double BOUNDARY_COORDINATE = 15;
    /** How far to push a coordinate toward its boundary to test whether the objective still rises there. */
    private static final double BOUNDARY_PROBE = 10;
    private static final int MAX_INIT_ATTEMPTS = 100;

    private final String methodId;
    private final Estimator estimator;
    private final boolean hyperprior;
    private final Lbfgs optimizer;

    EmpiricalBayes(String methodId, Estimator estimator, boolean hyperprior, Lbfgs optimizer) {
        this.methodId = methodId;
        this.estimator = estimator;
        this.hyperprior = hyperprior;
        this.optimizer = optimizer;
    }

    @Override
    public Fit fit(Model model, RunConfig config, FitListener listener) {
        model.requireNoDiscreteParameters(methodId);
        UnitLayer layer = UnitLayer.find(model, "empirical Bayes");
        CompiledModel compiled = model.compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("estimator", estimator.label);
        settings.put("unit_layer", layer.describe());
        settings.put("units", Integer.toString(layer.units()));
        int units = layer.units();
        double[] mean = new double[units];
        double[] sd = new double[units];
        Map<String, double[]> estimates = new LinkedHashMap<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        switch (estimator) {
            case NO_POOLING, COMPLETE_POOLING -> {
                if (estimator == Estimator.NO_POOLING) {
                    layer.ownEstimates(mean, sd);
                } else {
                    layer.pooledEstimates(mean, sd);
                }
                settings.put("unit_standard_error", "of the maximum-likelihood estimate");
                estimates.put(layer.reported().name(), mean);
                errors.put(layer.reported().name(), sd);
                return new PointEstimate(methodId, estimates, errors, Double.NaN, new double[0], List.of(), settings);
            }
            case MOMENTS -> {
                return moments(layer, evaluator, settings);
            }
            default -> {
                return typeTwo(model, compiled, layer, evaluator, config, listener, settings);
            }
        }
    }

    private Fit moments(UnitLayer layer, ModelEvaluator evaluator, Map<String, String> settings) {
        if (layer.kind() != org.muster.core.api.Conjugacy.BETA_BINOMIAL) {
            throw new IllegalArgumentException("estimator=moments is the beta-binomial method of moments on the raw rates;"
                    + " this model's unit layer is " + layer.describe() + " (use estimator=type2)");
        }
        int[][] data = layer.successesAndTrials();
        BetaBinomialEstimate estimate = BetaBinomialEmpiricalBayes.methodOfMoments(data[0], data[1]);
        int units = layer.units();
        double[] first = new double[units];
        double[] second = new double[units];
        Arrays.fill(first, estimate.alpha());
        Arrays.fill(second, estimate.beta());
        double[] mean = new double[units];
        double[] sd = new double[units];
        layer.posterior(first, second, mean, sd);
        Map<String, double[]> estimates = new LinkedHashMap<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        Node prior = layer.parameter();
        String alphaName = prior.inputs().get(0).isNamed() ? prior.inputs().get(0).name() : "alpha";
        String betaName = prior.inputs().get(1).isNamed() ? prior.inputs().get(1).name() : "beta";
        estimates.put(alphaName, new double[] {estimate.alpha()});
        estimates.put(betaName, new double[] {estimate.beta()});
        errors.put(alphaName, new double[] {Double.NaN});
        errors.put(betaName, new double[] {Double.NaN});
        estimates.put(layer.reported().name(), mean);
        errors.put(layer.reported().name(), sd);
        settings.put("unit_standard_error", "posterior sd given the estimated hyperparameters");
        return new PointEstimate(methodId, estimates, errors, estimate.logMarginalLikelihood(), new double[0],
                estimate.warnings(), settings);
    }

    private Fit typeTwo(Model model, CompiledModel compiled, UnitLayer layer, ModelEvaluator evaluator, RunConfig config,
            FitListener listener, Map<String, String> settings) {
        settings.put("objective", hyperprior ? "log marginal likelihood + log prior (MAP-II)" : "log marginal likelihood");
        settings.put("algorithm", "lbfgs, gradient by central differences");
        List<Node> remaining = model.parameters().stream().filter(p -> p != layer.parameter()).toList();
        List<Integer> coordinates = new ArrayList<>();
        for (Node p : remaining) {
            UnconstrainedBlock block = compiled.unconstrainedBlock(p);
            for (int k = 0; k < block.size(); k++) {
                coordinates.add(block.offset() + k);
            }
        }
        int[] free = coordinates.stream().mapToInt(Integer::intValue).toArray();
        double[] full = new double[compiled.dimension()];
        MarginalObjective objective = new MarginalObjective(model, layer, evaluator, full, free, hyperprior);
        SplittableRandom random = new SplittableRandom(config.seed());
        List<String> warnings = new ArrayList<>();
        OptimizationResult best = null;
        List<Double> optima = new ArrayList<>();
        if (free.length > 0) {
            for (int start = 0; start < config.chains() && !listener.isCancelled(); start++) {
                OptimizationResult result = optimizer.minimize(objective, initialPoint(compiled, objective, free, config, random));
                optima.add(result.value());
                if (best == null || result.value() < best.value()) {
                    best = result;
                }
                listener.onIteration(start, 1, 1, false);
            }
            if (best == null) {
                return new PointEstimate(methodId, Map.of(), Map.of(), Double.NaN, new double[0],
                        List.of("cancelled before the first optimization finished"), settings);
            }
        }
        double[] x = best == null ? new double[0] : best.point();
        double[] trace = best == null ? new double[0] : best.trace();
        for (int i = 0; i < trace.length; i++) {
            trace[i] = -trace[i];
        }
        if (best != null) {
            int atBest = 0;
            double tolerance = 1e-6 * Math.max(1, Math.abs(best.value()));
            for (double value : optima) {
                atBest += value - best.value() <= tolerance ? 1 : 0;
            }
            settings.put("starts", Integer.toString(optima.size()));
            settings.put("starts_at_best", Integer.toString(atBest));
            settings.put("iterations", Integer.toString(best.iterations()));
            settings.put("status", best.status().toString().toLowerCase(Locale.ROOT));
            if (atBest < optima.size()) {
                warnings.add((optima.size() - atBest) + " of " + optima.size() + " starts ended at a worse local optimum");
            }
            if (!best.status().converged()) {
                warnings.add("the optimizer stopped before convergence (" + best.status().toString().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " after " + best.iterations() + " iterations); the estimate may not be a maximum");
            }
        }
        // A maximum on the boundary: either at a finite bound (tau = 0), which is the answer over the closed
        // parameter space, or at infinity (no spread beyond sampling noise: concentration -> infinity), which is none.
        List<Integer> boundary = boundaryCoordinates(compiled, objective, free, x);
        List<String> boundaryNames = new ArrayList<>();
        for (int k : boundary) {
            x[k] = Math.copySign(Double.POSITIVE_INFINITY, x[k]);
            boundaryNames.add(compiled.unconstrainedNames().get(free[k]));
        }
        double logObjective = objective.logObjective(x);
        if (!boundary.isEmpty()) {
            if (!Double.isFinite(logObjective)) {
                warnings.add("no maximum in the interior: the " + (hyperprior ? "marginal posterior" : "marginal likelihood")
                        + " keeps rising as " + String.join(", ", boundaryNames) + " run to infinity (the units show no"
                        + " spread beyond sampling noise, so the limit is complete pooling) and no estimate is reported");
                return new PointEstimate(methodId, Map.of(), Map.of(), Double.NaN, trace, warnings, settings);
            }
            x = refit(model, compiled, layer, evaluator, objective, free, boundary, x);
            logObjective = objective.logObjective(x);
        }
        double[] point = objective.fullPoint(x);
        Map<String, double[]> values = compiled.constrain(point);
        Map<String, double[]> estimates = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : values.entrySet()) {
            Node node = model.requireNode(entry.getKey());
            if (node != layer.reported() && !model.dependsOn(node, layer.parameter())) {
                estimates.put(entry.getKey(), entry.getValue());
                outputs.add(entry.getKey());
            }
        }
        Map<String, double[]> errors = standardErrors(model, compiled, layer, evaluator, objective, free, boundary, x, outputs, warnings);
        if (!boundary.isEmpty()) {
            List<String> at = new ArrayList<>();
            for (int k : boundary) {
                String name = compiled.unconstrainedNames().get(free[k]);
                at.add(name + " = " + format(constrainedValue(values, name)));
            }
            warnings.add("the " + (hyperprior ? "marginal posterior" : "marginal likelihood") + " is largest on the"
                    + " boundary, at " + String.join(", ", at) + ": it does not fall as the parameter reaches its bound,"
                    + " so the bound is reported as the maximum, with no standard error. The units' posteriors given it"
                    + " pool completely (" + layer.reported().name() + " sd 0 where the population sd is 0); full Bayes"
                    + " (nuts) averages over the population's spread instead");
        }
        double[] first = new double[layer.units()];
        double[] second = new double[layer.units()];
        double[] mean = new double[layer.units()];
        double[] sd = new double[layer.units()];
        layer.priorArguments(evaluator, point.clone(), first, second);
        layer.posterior(first, second, mean, sd);
        estimates.put(layer.reported().name(), mean);
        errors.put(layer.reported().name(), sd);
        settings.put("unit_standard_error", "posterior sd given the estimated hyperparameters");
        return new PointEstimate(methodId, estimates, errors, logObjective, trace, warnings, settings);
    }

    /** Re-maximizes over the interior coordinates with the boundary ones held at their bound. */
    private double[] refit(Model model, CompiledModel compiled, UnitLayer layer, ModelEvaluator evaluator,
            MarginalObjective objective, int[] free, List<Integer> boundary, double[] x) {
        int[] interior = java.util.stream.IntStream.range(0, free.length).filter(k -> !boundary.contains(k)).toArray();
        if (interior.length == 0) {
            return x;
        }
        double[] fullPoint = objective.fullPoint(x);
        int[] interiorCoordinates = Arrays.stream(interior).map(k -> free[k]).toArray();
        MarginalObjective reduced = new MarginalObjective(model, layer, evaluator, fullPoint, interiorCoordinates, hyperprior);
        double[] start = Arrays.stream(interior).mapToDouble(k -> x[k]).toArray();
        double[] optimum = optimizer.minimize(reduced, start).point();
        double[] out = x.clone();
        for (int i = 0; i < interior.length; i++) {
            out[interior[i]] = optimum[i];
        }
        return out;
    }

    /** Uniform(-2, 2) on the unconstrained scale, as the samplers start, overridden by the given initial values. */
    private static double[] initialPoint(CompiledModel compiled, MarginalObjective objective, int[] free,
            RunConfig config, SplittableRandom random) {
        double[] full = new double[compiled.dimension()];
        double[] x = new double[free.length];
        double[] gradient = new double[free.length];
        for (int attempt = 0; attempt < MAX_INIT_ATTEMPTS; attempt++) {
            for (int i = 0; i < full.length; i++) {
                full[i] = random.nextDouble(-2, 2);
            }
            compiled.unconstrainInto(config.initialValues(), full);
            for (int k = 0; k < free.length; k++) {
                x[k] = full[free[k]];
            }
            if (objective.isFiniteAt(x, gradient)) {
                return x;
            }
        }
        throw new IllegalArgumentException("no starting point with a finite marginal likelihood in " + MAX_INIT_ATTEMPTS
                + " attempts; give initial values");
    }

    /** The free coordinates (indices into x) whose maximum lies on their support's boundary. */
    private static List<Integer> boundaryCoordinates(CompiledModel compiled, MarginalObjective objective, int[] free,
            double[] x) {
        List<Integer> out = new ArrayList<>();
        if (x.length == 0) {
            return out;
        }
        boolean[] constrained = new boolean[compiled.dimension()];
        for (Node node : compiled.model().parameters()) {
            UnconstrainedBlock block = compiled.unconstrainedBlock(node);
            Arrays.fill(constrained, block.offset(), block.offset() + block.size(), !(block.transform() instanceof Identity));
        }
        double value = objective.logObjective(x);
        for (int k = 0; k < x.length; k++) {
            if (!constrained[free[k]]) {
                continue;
            }
            double[] pushed = x.clone();
            pushed[k] += Math.copySign(BOUNDARY_PROBE, x[k]);
            double pushedValue = objective.logObjective(pushed);
            // An interior maximum loses objective when a coordinate moves e^10 toward its bound; a boundary one does not.
            boolean stillRising = pushedValue >= value - 1e-9 * Math.max(1, Math.abs(value));
            if (Math.abs(x[k]) > BOUNDARY_COORDINATE || stillRising) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Delta method: Var(g) ≈ J H⁻¹ Jᵀ with H the Hessian of the negative objective over the interior
     * free coordinates and J the Jacobian of the constrained outputs; NaN for outputs that depend on a
     * coordinate held at its bound.
     */
    private Map<String, double[]> standardErrors(Model model, CompiledModel compiled, UnitLayer layer,
            ModelEvaluator evaluator, MarginalObjective objective, int[] free, List<Integer> boundary, double[] x, List<String> outputs, List<String> warnings) {
        Map<String, double[]> values = compiled.constrain(objective.fullPoint(x));
        int m = 0;
        for (String name : outputs) {
            m += values.get(name).length;
        }
        double[] se = new double[m];
        Arrays.fill(se, Double.NaN);
        int[] interior = java.util.stream.IntStream.range(0, free.length).filter(k -> !boundary.contains(k)).toArray();
        if (interior.length > 0) {
            double[] fixedPoint = objective.fullPoint(x);
            int[] interiorCoordinates = Arrays.stream(interior).map(k -> free[k]).toArray();
            MarginalObjective reduced = new MarginalObjective(model, layer, evaluator, fixedPoint, interiorCoordinates,
                    hyperprior);
            double[] y = Arrays.stream(interior).mapToDouble(k -> x[k]).toArray();
            RealMatrix covariance = null;
            try {
                covariance = new CholeskyDecomposition(new Array2DRowRealMatrix(FiniteDifferences.hessian(reduced, y), false),
                        1e-12, 1e-14).getSolver().getInverse();
            } catch (NonPositiveDefiniteMatrixException e) {
                warnings.add("the Hessian at the estimate is not positive definite (a flat direction or a saddle), so no"
                        + " standard errors are reported for the hyperparameters");
            }
            if (covariance != null) {
                final int size = m;
                double[][] jacobian = FiniteDifferences.jacobian((point, out) -> {
                    Map<String, double[]> at = compiled.constrain(reduced.fullPoint(point));
                    int i = 0;
                    for (String name : outputs) {
                        for (double v : at.get(name)) {
                            out[i++] = v;
                        }
                    }
                }, size, y);
                for (int i = 0; i < m; i++) {
                    double variance = 0;
                    for (int a = 0; a < y.length; a++) {
                        for (int b = 0; b < y.length; b++) {
                            variance += jacobian[i][a] * covariance.getEntry(a, b) * jacobian[i][b];
                        }
                    }
                    se[i] = Math.sqrt(Math.max(variance, 0));
                }
            }
        }
        List<Node> atBound = new ArrayList<>();
        for (int k : boundary) {
            String name = compiled.unconstrainedNames().get(free[k]);
            int bracket = name.indexOf('[');
            atBound.add(model.requireNode(bracket < 0 ? name : name.substring(0, bracket)));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        int k = 0;
        for (String name : outputs) {
            double[] v = new double[values.get(name).length];
            System.arraycopy(se, k, v, 0, v.length);
            k += v.length;
            Node node = model.requireNode(name);
            if (atBound.stream().anyMatch(p -> model.dependsOn(node, p))) {
                Arrays.fill(v, Double.NaN);
            }
            out.put(name, v);
        }
        return out;
    }

    private static double constrainedValue(Map<String, double[]> values, String coordinate) {
        int bracket = coordinate.indexOf('[');
        String node = bracket < 0 ? coordinate : coordinate.substring(0, bracket);
        int index = bracket < 0 ? 0 : Integer.parseInt(coordinate.substring(bracket + 1, coordinate.length() - 1)) - 1;
        double[] v = values.get(node);
        return v != null && index < v.length ? v[index] : Double.NaN;
    }

    private static String format(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.4g", value);
    }
}
