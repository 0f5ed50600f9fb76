package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.bernoulli;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.categorical;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;

/**
 * Each conjugate update draws independently from the closed-form full conditional, the other
 * coordinates held fixed: repeated updates from one state are i.i.d., so their mean and variance are
 * checked against the closed form within 4 standard errors (sd / sqrt(N) for the mean).
 */
class ConjugateUpdateTest {

    private static final int DRAWS = 20_000;

    /** Repeats the node's update from {@code x} and returns draws[member][k] of its constrained values. */
    private static double[][] conditionalDraws(Model model, String node, double[] x) {
        CompiledModel compiled = model.compile();
        List<NodeUpdate> updates = GibbsPlan.updates(compiled);
        Node parameter = model.requireNode(node);
        NodeUpdate update = updates.get(model.parameters().indexOf(parameter));
        assertInstanceOf(ConjugateUpdate.class, update, update.explanation());
        Sweep sweep = new Sweep(compiled.newEvaluator(), new SplittableRandom(42), x);
        double[][] draws = new double[parameter.size()][DRAWS];
        int own = compiled.unconstrainedBlock(parameter).offset();
        int ownSize = compiled.unconstrainedBlock(parameter).size();
        for (int k = 0; k < DRAWS; k++) {
            update.update(sweep);
            sweep.computeValues();
            for (int j = 0; j < parameter.size(); j++) {
                draws[j][k] = sweep.evaluator.value(parameter, j);
            }
            for (int i = 0; i < x.length; i++) {
                if (i < own || i >= own + ownSize) {
                    assertEquals(x[i], sweep.position[i], "coordinate " + i + " is not the node's and must not move");
                }
            }
        }
        return draws;
    }

    private static void assertMoments(double[] draws, double mean, double variance, String what) {
        double sum = 0;
        for (double d : draws) {
            sum += d;
        }
        double sampleMean = sum / draws.length;
        double squares = 0;
        double fourth = 0;
        for (double d : draws) {
            squares += (d - mean) * (d - mean);
            fourth += Math.pow(d - mean, 4);
        }
        double sampleVariance = squares / draws.length;
        double meanError = Math.sqrt(variance / draws.length);
        double varianceError = Math.sqrt((fourth / draws.length - sampleVariance * sampleVariance) / draws.length);
        assertTrue(Math.abs(sampleMean - mean) < 4 * meanError, what + " mean " + sampleMean + " vs " + mean);
        assertTrue(Math.abs(sampleVariance - variance) < 4 * varianceError,
                what + " variance " + sampleVariance + " vs " + variance);
    }

    @Test
    void betaBinomialThroughAnIndexWithAParameterAsPriorArgument() {
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", gamma(2, 1));
        Node theta = b.stochastic("theta", 3, beta(a, 2));
        int[] n = {5, 6, 7, 8};
        int[] y = {1, 2, 3, 4};
        b.observed("y", binomial(b.data("n", n), theta.at(new int[] {0, 1, 2, 2})), y);
        // a = 3 (unconstrained log 3); theta starts anywhere.
        double[][] draws = conditionalDraws(b.build(), "theta", new double[] {Math.log(3), 0.3, -1, 2});
        double[][] posterior = {{3 + 1, 2 + 4}, {3 + 2, 2 + 4}, {3 + 7, 2 + 8}};
        for (int j = 0; j < 3; j++) {
            double p = posterior[j][0];
            double q = posterior[j][1];
            assertMoments(draws[j], p / (p + q), p * q / ((p + q) * (p + q) * (p + q + 1)), "theta[" + (j + 1) + "]");
        }
    }

    @Test
    void betaBernoulli() {
        ModelBuilder b = Model.builder();
        b.stochastic("p", beta(2, 3));
        b.observed("flip", bernoulli(b.node("p").orElseThrow()), new int[] {1, 0, 1, 1});
        double[][] draws = conditionalDraws(b.build(), "p", new double[] {0});
        assertMoments(draws[0], 5.0 / 9, 5.0 * 4 / (81 * 10), "p");
    }

    @Test
    void gammaPoissonWithExposuresMemberByMember() {
        ModelBuilder b = Model.builder();
        Node shape = b.stochastic("shape", gamma(2, 1));
        Node lambda = b.stochastic("lambda", 2, gamma(shape, 0.5));
        double[] e = {2, 10};
        b.observed("k", poisson(b.data("e", e).times(lambda)), new int[] {3, 40});
        double[][] draws = conditionalDraws(b.build(), "lambda", new double[] {Math.log(1.5), 0, 0});
        assertMoments(draws[0], (1.5 + 3) / (0.5 + 2), (1.5 + 3) / Math.pow(0.5 + 2, 2), "lambda[1]");
        assertMoments(draws[1], (1.5 + 40) / (0.5 + 10), (1.5 + 40) / Math.pow(0.5 + 10, 2), "lambda[2]");
    }

    @Test
    void normalMeanThroughAnIndexWithKnownScales() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", 2, normal(1, 2));
        double[] sigma = {1, 2, 0.5};
        double[] y = {0.5, 3, 2};
        b.observed("y", normal(mu.at(new int[] {0, 1, 1}), b.data("sigma", sigma)), y);
        double[][] draws = conditionalDraws(b.build(), "mu", new double[] {0, 0});
        double precision0 = 1 / 4.0 + 1;
        double mean0 = (1 / 4.0 + 0.5) / precision0;
        double precision1 = 1 / 4.0 + 1 / 4.0 + 4;
        double mean1 = (1 / 4.0 + 3 / 4.0 + 2 * 4) / precision1;
        assertMoments(draws[0], mean0, 1 / precision0, "mu[1]");
        assertMoments(draws[1], mean1, 1 / precision1, "mu[2]");
    }

    @Test
    void explanationNamesTheKindAndTheChildren() {
        ModelBuilder b = Model.builder();
        Node lambda = b.stochastic("lambda", 4, gamma(2, 1));
        b.observed("k", poisson(lambda), new int[] {1, 2, 3, 4});
        b.observed("m", poisson(lambda.times(b.data("e", new double[] {1, 2, 3, 4}))), new int[] {1, 2, 3, 4});
        assertEquals(List.of("lambda: conjugate gamma-poisson given k, m (all 4 members in one draw)"),
                GibbsPlan.explain(b.build()));
    }

    @Test
    void dirichletCategoricalDrawsTheWholeSimplex() {
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", gamma(2, 1));
        Node probs = b.stochastic("probs", dirichlet(b.data("alpha", new double[] {1, 2, 0.5})));
        b.observed("label", categorical(probs), new int[] {1, 3, 3, 2, 3, 3});
        b.observed("other", poisson(a), new int[] {1});
        Model model = b.build();
        double[][] draws = conditionalDraws(model, "probs", new double[] {0.3, 0, 0});
        double[] posterior = {1 + 1, 2 + 1, 0.5 + 4};
        double total = 9.5;
        for (int k = 0; k < 3; k++) {
            double m = posterior[k] / total;
            assertMoments(draws[k], m, m * (1 - m) / (total + 1), "probs[" + (k + 1) + "]");
        }
        assertEquals(List.of("a: conjugate gamma-poisson given other",
                "probs: conjugate dirichlet-categorical given label (the 3-simplex in one draw)"),
                GibbsPlan.explain(model));
    }
}
