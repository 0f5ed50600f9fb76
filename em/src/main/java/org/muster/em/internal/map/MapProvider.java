package org.muster.em.internal.map;

import java.util.List;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;
import org.muster.em.internal.optim.Lbfgs;

/**
 * Provides {@code map}: the posterior mode by L-BFGS, one start per chain, with delta-method standard
 * errors on the constrained scale. Options: {@code jacobian} (default false: the mode of the
 * constrained parameters' density; true: of the unconstrained coordinates'), {@code iterations}
 * (default 2000), {@code tolerance} (largest gradient component at convergence, default 1e-8).
 */
public final class MapProvider implements InferenceMethodProvider {

    private static final String JACOBIAN = "jacobian";
    private static final String ITERATIONS = "iterations";
    private static final String TOLERANCE = "tolerance";
    private static final List<MethodOption> OPTIONS = List.of(
            MethodOption.bool(JACOBIAN, false, "false: the mode of the constrained parameters' density; true: of the"
                    + " unconstrained coordinates' (Jacobian included)"),
            MethodOption.integer(ITERATIONS, 2000, 1, "maximum L-BFGS iterations per start"),
            MethodOption.positive(TOLERANCE, 1e-8, "largest gradient component at convergence"));

    @Override
    public String id() {
        return ProviderIds.MAP;
    }

    @Override
    public String description() {
        return "Posterior mode (MAP) by L-BFGS from several starts, standard errors from the Hessian by the delta method";
    }

    @Override
    public List<MethodOption> options() {
        return OPTIONS;
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.check(ProviderIds.MAP, OPTIONS);
        boolean jacobian = options.getBoolean(JACOBIAN, false);
        int iterations = options.getInt(ITERATIONS, 2000, 1);
        double tolerance = options.getPositive(TOLERANCE, 1e-8);
        return new MaximumAPosteriori(jacobian, new Lbfgs(10, iterations, tolerance, 1e-13));
    }
}
