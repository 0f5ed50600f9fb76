package org.muster.em.internal.eb;

import java.util.List;
import java.util.Locale;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;
import org.muster.em.internal.optim.Lbfgs;

/**
 * Provides {@code eb} (empirical Bayes, type-II maximum likelihood) and {@code map2} (MAP-II: the same
 * with the hyperparameters' prior). Options: {@code estimator} ({@code eb} only: {@code type2}, the
 * default; {@code moments}, the beta-binomial method of moments; {@code none} and {@code complete}, the
 * no-pooling and complete-pooling ends of the ladder), {@code iterations} (default 2000) and
 * {@code tolerance} (largest gradient component at convergence, default 1e-7).
 */
public class EmpiricalBayesProvider implements InferenceMethodProvider {

    private static final String ESTIMATOR = "estimator";
    private static final String ITERATIONS = "iterations";
    private static final String TOLERANCE = "tolerance";
    private static final MethodOption ESTIMATOR_OPTION = MethodOption.choice(ESTIMATOR, "type2",
            List.of("type2", "moments", "none", "complete"), "type2: type-II maximum likelihood; moments: the"
                    + " beta-binomial method of moments; none, complete: the no-pooling and complete-pooling ends");
    private static final List<MethodOption> OPTIMIZER_OPTIONS = List.of(
            MethodOption.integer(ITERATIONS, 2000, 1, "maximum L-BFGS iterations"),
            MethodOption.positive(TOLERANCE, 1e-7, "largest gradient component at convergence"));

    private final boolean hyperprior;

    /** The {@code eb} provider, as {@code ServiceLoader} creates it. */
    public EmpiricalBayesProvider() {
        this(false);
    }

    EmpiricalBayesProvider(boolean hyperprior) {
        this.hyperprior = hyperprior;
    }

    @Override
    public String id() {
        return hyperprior ? "map2" : "eb";
    }

    @Override
    public String description() {
        return hyperprior
                ? "MAP-II: the unit layer integrated out in closed form, the hyperparameters at the mode of their marginal"
                        + " posterior by L-BFGS; units by their conditional posteriors"
                : "Empirical Bayes: the unit layer (beta-binomial, gamma-Poisson, normal) integrated out in closed form,"
                        + " the hyperparameters by type-II maximum likelihood (L-BFGS); units by their conditional posteriors";
    }

    @Override
    public List<String> explain(Model model, MethodOptions options) {
        UnitLayer layer = UnitLayer.find(model);
        List<String> remaining = model.parameters().stream().filter(p -> p != layer.parameter()).map(Node::name).toList();
        return List.of(layer.parameter().name() + ": integrated out in closed form (" + layer.describe() + ")",
                (remaining.isEmpty() ? "no other parameters" : String.join(", ", remaining))
                        + (remaining.isEmpty() ? "" : hyperprior ? ": maximize marginal likelihood x prior (L-BFGS)"
                                : ": maximize the marginal likelihood (L-BFGS)"));
    }

    /** {@code estimator} ({@code eb} only), {@code iterations} and {@code tolerance}. */
    @Override
    public List<MethodOption> options() {
        if (hyperprior) {
            return OPTIMIZER_OPTIONS;
        }
        List<MethodOption> options = new java.util.ArrayList<>(List.of(ESTIMATOR_OPTION));
        options.addAll(OPTIMIZER_OPTIONS);
        return List.copyOf(options);
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.check(id(), options());
        String label = options.getString(ESTIMATOR, "type2").trim().toLowerCase(Locale.ROOT);
        EmpiricalBayes.Estimator estimator = null;
        for (EmpiricalBayes.Estimator e : EmpiricalBayes.Estimator.values()) {
            if (e.label.equals(label)) {
                estimator = e;
            }
        }
        if (estimator == null) {
            throw new IllegalArgumentException("option " + ESTIMATOR + "=" + label + ": expected type2, moments, none or complete");
        }
        int iterations = options.getInt(ITERATIONS, 2000);
        double tolerance = options.getDouble(TOLERANCE, 1e-7);
        if (iterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("options " + ITERATIONS + " and " + TOLERANCE + " must be positive");
        }
        return new EmpiricalBayes(id(), estimator, hyperprior, new Lbfgs(10, iterations, tolerance, 1e-13));
    }
}
