package org.muster.core.api.conjugate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.exponential;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.poisson;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;

/**
 * The marginal of a layer with scalar prior arguments, summed over the distinct statistics with one log Γ
 * and ψ per value, against the unit-by-unit closed forms, from tiny to huge arguments (the small-argument
 * lift, the switch at 10, values below and above the argument, counts of zero, a unit without rows).
 */
class UnitLayerSharedTest {

    private static final int[] GROUP = {0, 0, 1, 2, 2, 3, 4, 4, 5};
    private static final double[] ARGUMENTS = {1e-6, 0.03, 0.7, 2.5, 9.999, 10, 10.5, 37, 480, 1e4, 3e8, 1e12};

    private static Model betaBinomial() {
        ModelBuilder b = Model.builder();
        Node alpha = b.stochastic("alpha", exponential(1));
        Node betaNode = b.stochastic("beta", exponential(1));
        Node theta = b.stochastic("theta", 7, beta(alpha, betaNode));
        b.observed("y", binomial(b.data("n", new double[] {12, 9, 20, 7, 15, 11, 30, 52, 1}), theta.at(GROUP)),
                new int[] {2, 1, 6, 0, 3, 11, 9, 52, 1});
        return b.build();
    }

    private static Model gammaPoisson() {
        ModelBuilder b = Model.builder();
        Node shape = b.stochastic("shape", exponential(1));
        Node rate = b.stochastic("rate", exponential(1));
        Node lambda = b.stochastic("lambda", 7, gamma(shape, rate));
        b.observed("n", poisson(b.data("e", new double[] {1.5, 0.5, 2.0, 1.2, 0.8, 3.0, 0.4, 1e-3, 40})
                .times(lambda.at(GROUP))), new int[] {3, 0, 7, 2, 540, 4, 2, 0, 13});
        return b.build();
    }

    private static void assertSharedMatchesUnitByUnit(Model model, String first, String second) {
        UnitLayer layer = UnitLayer.findAll(model).get(0);
        CompiledModel compiled = model.compile();
        ModelEvaluator evaluator = compiled.newEvaluator(List.of(layer.parameter(), layer.child()));
        CollapsibleLayer.Workspace workspace = layer.newWorkspace();
        int units = layer.units();
        double[] gradient = new double[compiled.dimension()];
        for (double a : ARGUMENTS) {
            for (double b : ARGUMENTS) {
                double[] x = compiled.unconstrain(Map.of(first, new double[] {a}, second, new double[] {b},
                        layer.parameter().name(), filled(units, 0.5)));
                evaluator.computeValues(x);
                evaluator.clearAdjoints();
                double value = layer.logMarginalGradient(new ModelEvaluator[] {evaluator}, workspace);
                evaluator.reverse(false, gradient);
                double[] firstGradient = new double[units];
                double[] secondGradient = new double[units];
                double expected = layer.logMarginalGradient(filled(units, a), filled(units, b), firstGradient,
                        secondGradient);
                String at = first + " " + a + ", " + second + " " + b;
                assertEquals(expected, value, 1e-12 * Math.max(1, Math.abs(expected)), at);
                assertEquals(expected, layer.logMarginal(new ModelEvaluator[] {evaluator}, workspace),
                        1e-12 * Math.max(1, Math.abs(expected)), at);
                // d/d log a = a d/da on the unconstrained scale
                double da = java.util.Arrays.stream(firstGradient).sum() * a;
                double db = java.util.Arrays.stream(secondGradient).sum() * b;
                int ia = compiled.unconstrainedBlock(model.requireNode(first)).offset();
                int ib = compiled.unconstrainedBlock(model.requireNode(second)).offset();
                assertEquals(da, gradient[ia], 1e-10 * Math.max(1, Math.abs(da)), at);
                assertEquals(db, gradient[ib], 1e-10 * Math.max(1, Math.abs(db)), at);
            }
        }
    }

    private static double[] filled(int size, double value) {
        double[] out = new double[size];
        java.util.Arrays.fill(out, value);
        return out;
    }

    @Test
    void betaBinomialSharedArgumentsMatchTheUnitByUnitForms() {
        assertSharedMatchesUnitByUnit(betaBinomial(), "alpha", "beta");
    }

    @Test
    void gammaPoissonSharedArgumentsMatchTheUnitByUnitForms() {
        assertSharedMatchesUnitByUnit(gammaPoisson(), "shape", "rate");
    }
}
