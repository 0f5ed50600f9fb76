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

    /** Eight schools, non-centered, with a gathered mean: tau enters through a transform, z through a gather. */
    private static Model eightSchools() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 5));
        Node tau = b.stochastic("tau", Distributions.halfCauchy(5));
        Node z = b.stochastic("z", 3, normal(0, 1));
        Node theta = b.deterministic("theta", mu.plus(tau.times(z)));
        b.observed("y", normal(theta.at(new int[] {0, 1, 2, 2}), b.data("sigma", new double[] {15, 10, 16, 11})),
                new double[] {28, 8, -3, 7});
        return b.build();
    }

    @Test
    void anEvaluatorWithTermsLeftOutIsTheFullDensityLessThoseTerms() {
        Model model = eightSchools();
        CompiledModel compiled = model.compile();
        Node z = model.requireNode("z");
        Node y = model.requireNode("y");
        ModelEvaluator partial = compiled.newEvaluator(java.util.List.of(z, y));
        ModelEvaluator full = compiled.newEvaluator();
        double[] x = {1.3, 0.4, -0.3, 0.8, 1.1};
        double tau = Math.exp(x[1]);
        double[] theta = {x[0] + tau * x[2], x[0] + tau * x[3], x[0] + tau * x[4], x[0] + tau * x[4]};
        double[] obs = {28, 8, -3, 7};
        double[] sigma = {15, 10, 16, 11};
        double leftOut = 0;
        for (int j = 2; j < 5; j++) {
            leftOut += -0.5 * Math.log(2 * Math.PI) - 0.5 * x[j] * x[j];
        }
        for (int i = 0; i < 4; i++) {
            double d = (obs[i] - theta[i]) / sigma[i];
            leftOut += -0.5 * Math.log(2 * Math.PI) - Math.log(sigma[i]) - 0.5 * d * d;
        }
        assertEquals(full.logDensity(x) - leftOut, partial.logDensity(x), 1e-12);
        double[] gradient = new double[5];
        double lp = partial.logDensityGradient(x, gradient);
        assertEquals(partial.logDensity(x), lp, 0);
        double h = 1e-6;
        for (int i = 0; i < 5; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            assertEquals((partial.logDensity(up) - partial.logDensity(down)) / (2 * h), gradient[i], 1e-7, "coordinate " + i);
        }
        assertEquals(0.0, gradient[2], 0.0, "z's prior is left out and nothing else depends on it");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> compiled.newEvaluator(java.util.List.of(model.requireNode("theta"))));
        assertEquals("'theta' is not a stochastic node of the model", e.getMessage());
    }

    @Test
    void aSeededReverseSweepIsTheVectorJacobianProductOfTheSeededValues() {
        Model model = eightSchools();
        CompiledModel compiled = model.compile();
        Node theta = model.requireNode("theta");
        Node tau = model.requireNode("tau");
        ModelEvaluator evaluator = compiled.newEvaluator(java.util.List.of(model.requireNode("z"), model.requireNode("y")));
        double[] x = {1.3, 0.4, -0.3, 0.8, 1.1};
        double[] seeds = {0.7, -1.9, 2.3};
        double[] gradient = new double[5];
        evaluator.computeValues(x);
        evaluator.clearAdjoints();
        for (int j = 0; j < 3; j++) {
            evaluator.addAdjoint(theta, j, seeds[j]);
        }
        evaluator.addAdjoint(tau, 0, 0.25);
        evaluator.addAdjoint(model.requireNode("sigma"), 1, 100);
        evaluator.reverse(false, gradient);
        double h = 1e-6;
        for (int i = 0; i < 5; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double difference = 0;
            for (double[] point : new double[][] {up, down}) {
                evaluator.computeValues(point);
                double sum = 0.25 * evaluator.value(tau, 0);
                for (int j = 0; j < 3; j++) {
                    sum += seeds[j] * evaluator.value(theta, j);
                }
                difference += point == up ? sum : -sum;
            }
            assertEquals(difference / (2 * h), gradient[i], 1e-7, "coordinate " + i);
        }
        // With the density: the partial log density's gradient plus the same product.
        double[] densityGradient = new double[5];
        evaluator.logDensityGradient(x, densityGradient);
        double[] both = new double[5];
        evaluator.logDensity(x);
        evaluator.clearAdjoints();
        for (int j = 0; j < 3; j++) {
            evaluator.addAdjoint(theta, j, seeds[j]);
        }
        evaluator.addAdjoint(tau, 0, 0.25);
        evaluator.reverse(true, both);
        for (int i = 0; i < 5; i++) {
            assertEquals(densityGradient[i] + gradient[i], both[i], 1e-12, "coordinate " + i);
        }
    }
}
