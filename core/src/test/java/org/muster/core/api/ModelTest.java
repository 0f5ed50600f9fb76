package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.bernoulli;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.categorical;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.halfCauchy;
import static org.muster.core.api.Distributions.inverseGamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Expressions.sqrt;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static List<String> describe(Model model) {
        return model.conjugatePairs().stream().map(ConjugatePair::toString).toList();
    }

    @Test
    void parentsChildrenAndMarkovBlanketLookThroughExpressions() {
        Model model = CompiledModelTest.eightSchools();
        Node mu = model.requireNode("mu");
        Node tau = model.requireNode("tau");
        Node z = model.requireNode("z");
        Node y = model.requireNode("y");
        Node theta = model.requireNode("theta");
        assertEquals(Set.of(mu, tau, z), model.stochasticParents(y));
        assertEquals(Set.of(y), model.stochasticChildren(mu));
        assertEquals(Set.of(y, tau, z), model.markovBlanket(mu));
        assertEquals(2, model.parents(y).size());
        assertTrue(model.children(theta).contains(y));
        assertTrue(model.dependsOn(theta, tau));
        assertTrue(model.isDataOnly(model.requireNode("sigma")));
    }

    @Test
    void betaBinomialWithGatherIsConjugate() {
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", gamma(2, 0.5));
        Node theta = b.stochastic("theta", 3, beta(a, 2));
        b.observed("y", binomial(b.data("n", new int[] {5, 6, 7, 8}), theta.at(new int[] {0, 1, 2, 2})),
                new int[] {1, 2, 3, 4});
        Node p = b.stochastic("p", beta(1, 1));
        b.observed("flip", bernoulli(p), new int[] {0, 1, 1});
        Model model = b.build();
        assertEquals(List.of("theta -> y (beta_binomial)", "p -> flip (beta_binomial)"), describe(model));
        assertTrue(model.conjugatePairs().get(0).index().isPresent());
    }

    @Test
    void gammaPoissonWithExposuresIsConjugate() {
        ModelBuilder b = Model.builder();
        Node exposure = b.data("e", new double[] {1.5, 0.3});
        Node lambda = b.stochastic("lambda", 2, gamma(3, 0.03));
        b.observed("n", poisson(exposure.times(lambda)), new int[] {150, 30});
        Model model = b.build();
        List<ConjugatePair> pairs = model.conjugatePairs();
        assertEquals(List.of("lambda -> n (gamma_poisson)"), describe(model));
        assertEquals("e", pairs.get(0).multiplier().orElseThrow().name());
    }

    @Test
    void normalMeanAndPrecisionAndVarianceAreConjugate() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 10));
        Node precision = b.stochastic("precision", gamma(1, 1));
        b.observed("y", normal(mu, precision.pow(-0.5)), new double[] {1, 2, 3});
        Node m2 = b.stochastic("m2", normal(0, 10));
        Node variance = b.stochastic("variance", inverseGamma(1, 1));
        b.observed("w", normal(m2, sqrt(variance)), new double[] {1, 2});
        Model model = b.build();
        assertEquals(List.of("mu -> y (normal_normal)", "precision -> y (gamma_normal_precision)",
                "m2 -> w (normal_normal)", "variance -> w (inverse_gamma_normal_variance)"), describe(model));
    }

    @Test
    void dirichletCategoricalIsConjugate() {
        ModelBuilder b = Model.builder();
        Node probs = b.stochastic("probs", dirichlet(b.data("alpha", new double[] {1, 1, 1})));
        b.observed("label", categorical(probs), new int[] {1, 3, 2, 3});
        assertEquals(List.of("probs -> label (dirichlet_categorical)"), describe(b.build()));
    }

    @Test
    void nonConjugateLinksAreNotReported() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 5));
        Node tau = b.stochastic("tau", halfCauchy(5));
        // The mean's scale depends on mu itself: not conjugate.
        b.observed("y", normal(mu, mu.times(mu).plus(1)), 1.0);
        // tau enters through a half-Cauchy prior and a product: not a conjugate form.
        b.observed("w", normal(mu.times(tau), 1), 2.0);
        Model model = b.build();
        assertEquals(List.of(), describe(model));
    }

    @Test
    void aStochasticMeanBetweenThePrecisionAndTheChildKeepsItConjugate() {
        ModelBuilder b = Model.builder();
        Node tau = b.stochastic("tau", gamma(2, 3));
        Node sigma = tau.pow(-0.5);
        Node mu = b.stochastic("mu", normal(1, sigma));
        b.observed("y", normal(mu, sigma), new double[] {1, 2});
        // A deterministic function of tau as the mean still rules the pair out.
        Node nu = b.stochastic("nu", gamma(2, 3));
        b.observed("z", normal(nu.times(2), nu.pow(-0.5)), new double[] {1, 2});
        assertEquals(List.of("tau -> mu (gamma_normal_precision)", "mu -> y (normal_normal)",
                "tau -> y (gamma_normal_precision)"), describe(b.build()));
    }

    @Test
    void updateBlocksAreKeptAndCheckedWhenMarked() {
        ModelBuilder b = Model.builder();
        Node mean = b.stochastic("mean", Distributions.beta(1, 1));
        Node concentration = b.stochastic("concentration", Distributions.exponential(0.1));
        Node k = b.stochastic("k", Distributions.bernoulli(0.5));
        Node sum = mean.plus(concentration);
        b.updateJointly(mean, concentration);
        assertThrows(IllegalArgumentException.class, () -> b.updateJointly(mean, sum));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> b.updateJointly(concentration, b.stochastic("other", Distributions.normal(0, 1))));
        assertEquals("updateJointly: 'concentration' is already in a block", again.getMessage());
        IllegalArgumentException discrete = assertThrows(IllegalArgumentException.class,
                () -> b.updateJointly(b.node("other").orElseThrow(), k));
        assertEquals("updateJointly: 'k' is not a continuous parameter", discrete.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.updateJointly(mean));
        assertEquals(List.of(List.of(mean, concentration)), b.build().updateBlocks());
    }
}
