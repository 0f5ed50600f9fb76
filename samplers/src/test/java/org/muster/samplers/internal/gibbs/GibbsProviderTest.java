package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.testkit.InferenceMethodContract;

class GibbsProviderTest extends InferenceMethodContract {

    @Override
    protected InferenceMethodProvider provider() {
        return new GibbsProvider();
    }

    @Test
    void isFoundByServiceLoaderAndRejectsOptions() {
        InferenceMethodProvider found = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("gibbs")).findFirst().orElseThrow();
        assertTrue(found.description().contains("conjugate"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> found.create(MethodOptions.of(Map.of("stepsize", "0.1"))));
        assertTrue(e.getMessage().contains("stepsize"), e.getMessage());
    }

    @Test
    void explainsTheContractModelAsTwoConjugateDraws() {
        assertEquals(List.of("mu: conjugate normal-normal given y", "lambda: conjugate gamma-poisson given k"),
                provider().explain(conjugateModelForTests(), MethodOptions.empty()));
    }

    @Test
    void explainsVectorizedDrawsThroughAnIndexAndSliceForTheRest() {
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", gamma(2, 1));
        Node c = b.stochastic("c", gamma(2, 1));
        Node theta = b.stochastic("theta", 3, beta(a, c));
        b.observed("y", binomial(b.data("n", new int[] {5, 6, 7, 8}), theta.at(new int[] {0, 1, 2, 2})),
                new int[] {1, 2, 3, 4});
        assertEquals(List.of("a: slice sampling on the unconstrained scale (stepping out, shrinkage)",
                "c: slice sampling on the unconstrained scale (stepping out, shrinkage)",
                "theta: conjugate beta-binomial given y (all 3 members in one draw)"), provider().explain(b.build(), MethodOptions.empty()));
    }

    @Test
    void aNodeWithANonConjugateChildIsSliced() {
        ModelBuilder b = Model.builder();
        Node lambda = b.stochastic("lambda", gamma(2, 1));
        b.observed("k", poisson(lambda), new int[] {1, 2});
        b.observed("y", normal(lambda, 1), new double[] {0.5});
        assertEquals(List.of("lambda: slice sampling on the unconstrained scale (stepping out, shrinkage)"),
                provider().explain(b.build(), MethodOptions.empty()));
    }

    @Test
    void statisticsCountEvaluationsPerIteration() {
        PosteriorDraws fit = (PosteriorDraws) provider().create(MethodOptions.empty()).fit(conjugateModelForTests(),
                RunConfig.builder().chains(1).warmup(10).draws(5).seed(1).build(), FitListener.NONE);
        assertEquals(List.of("lp__", "accept_stat__", "n_evals__"), fit.samplerStatistics().variables());
        // Two conjugate draws (one node-value pass each) and the log density for lp__.
        assertEquals(3.0, fit.samplerStatistics().value(0, 2, 4));
        assertEquals("gibbs", fit.settings().get("algorithm"));
    }

    @Test
    void blocksAreNamedByOptionAndCheckedAgainstTheModel() {
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", gamma(2, 1));
        Node c = b.stochastic("c", gamma(2, 1));
        Node theta = b.stochastic("theta", 3, beta(a, c));
        b.observed("y", binomial(b.data("n", new int[] {5, 6, 7}), theta), new int[] {1, 2, 3});
        Model model = b.build();
        assertEquals(List.of("a, c: Metropolis block (joint random walk on the unconstrained scale, 5 steps per sweep, scale and covariance"
                        + " adapted in warmup toward acceptance 0.234)",
                "theta: conjugate beta-binomial given y (all 3 members in one draw)"),
                provider().explain(model, MethodOptions.of(Map.of("block", " a, c ;"))));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider().explain(model, MethodOptions.of(Map.of("block", "a,z"))));
        assertTrue(unknown.getMessage().contains("'z' is not a parameter"), unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> provider().explain(model, MethodOptions.of(Map.of("block", "a,c;c"))));
        assertTrue(twice.getMessage().contains("'c' is in more than one block"), twice.getMessage());
        PosteriorDraws fit = (PosteriorDraws) provider().create(MethodOptions.of(Map.of("block", "a,c"))).fit(model,
                RunConfig.builder().chains(1).warmup(50).draws(20).seed(2).build(), FitListener.NONE);
        assertEquals(List.of("lp__", "accept_stat__", "n_evals__", "accept_a_c__"), fit.samplerStatistics().variables());
        assertEquals(fit.samplerStatistics().value(0, 3, 19), fit.samplerStatistics().value(0, 1, 19));
    }
}
