package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import org.junit.jupiter.api.Test;

class ModelEvaluatorTest {

    /** mu real, lambda positive, p in (0, 1), w on the 3-simplex: every kind of transform at once. */
    private static CompiledModel model() {
        ModelBuilder b = Model.builder();
        b.stochastic("mu", normal(0, 1));
        b.stochastic("lambda", gamma(2, 1));
        b.stochastic("p", beta(2, 3));
        b.stochastic("w", dirichlet(b.data("concentrations", new double[] {1, 2, 3})));
        return b.build().compile();
    }

    @Test
    void logJacobianOfLogAndLogitTransformsMatchesTheirClosedForms() {
        CompiledModel compiled = model();
        double[] x = {0.3, -0.7, 1.2, 0.4, -0.2};
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] gradient = new double[x.length];
        double all = evaluator.logJacobianGradient(x, gradient);
        // log: log|d e^u/du| = u; logit: log p(1-p) with p = invlogit(v).
        double p = 1 / (1 + Math.exp(-x[2]));
        double scalars = x[1] + Math.log(p * (1 - p));
        double simplexOnly = all - scalars;
        assertEquals(0.0, gradient[0], 0.0);
        assertEquals(1.0, gradient[1], 1e-12);
        assertEquals(1 - 2 * p, gradient[2], 1e-12);
        assertEquals(true, Double.isFinite(simplexOnly));
    }

    @Test
    void logJacobianGradientMatchesFiniteDifferences() {
        CompiledModel compiled = model();
        double[] x = {0.3, -0.7, 1.2, 0.4, -0.2};
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] gradient = new double[x.length];
        evaluator.logJacobianGradient(x, gradient);
        double[] scratch = new double[x.length];
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (evaluator.logJacobianGradient(up, scratch) - evaluator.logJacobianGradient(down, scratch)) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-7, "coordinate " + i);
        }
    }

    @Test
    void logDensityWithoutJacobianIsTheConstrainedDensity() {
        CompiledModel compiled = model();
        double[] x = {0.3, -0.7, 1.2, 0.4, -0.2};
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] gradient = new double[x.length];
        double withoutJacobian = evaluator.logDensity(x) - evaluator.logJacobianGradient(x, gradient);
        double lambda = Math.exp(x[1]);
        double p = 1 / (1 + Math.exp(-x[2]));
        double[] w = compiled.constrain(x).get("w");
        double expected = -0.5 * Math.log(2 * Math.PI) - 0.5 * x[0] * x[0]
                + Math.log(lambda) - lambda // Gamma(2, 1): log(lambda) - lambda - log Gamma(2)
                + Math.log(12) + Math.log(p) + 2 * Math.log(1 - p) // Beta(2, 3): 1/B(2,3) = 12
                + Math.log(60) + Math.log(w[1]) + 2 * Math.log(w[2]); // Dirichlet(1,2,3): Gamma(6)/(Gamma(2)Gamma(3)) = 60
        assertEquals(expected, withoutJacobian, 1e-10);
    }

    @Test
    void valuesOfParametersExpressionsDataAndObservationsAfterComputeValues() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        Node lambda = b.stochastic("lambda", 2, gamma(2, 1));
        Node e = b.data("e", new double[] {2, 3});
        Node shifted = mu.times(2).plus(1);
        Node k = b.observed("k", poisson(e.times(lambda)), new int[] {4, 7});
        ModelEvaluator evaluator = b.build().compile().newEvaluator();
        double[] x = {0.5, 0, Math.log(3)};
        evaluator.computeValues(x);
        assertEquals(0.5, evaluator.value(mu, 0));
        assertEquals(0.5, evaluator.value(mu, 1), "a scalar broadcasts");
        assertEquals(1, evaluator.value(lambda, 0), 1e-12);
        assertEquals(3, evaluator.value(lambda, 1), 1e-12);
        assertEquals(2.0, evaluator.value(shifted, 0), 1e-12);
        assertEquals(3, evaluator.value(e, 1));
        assertEquals(7, evaluator.value(k, 1));
    }
}
