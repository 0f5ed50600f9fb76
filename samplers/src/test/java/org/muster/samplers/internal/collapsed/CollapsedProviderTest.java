package org.muster.samplers.internal.collapsed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.testkit.InferenceMethodContract;

/** collapsed meets the sampler contract (its conjugate model is two layers and nothing else: exact draws). */
class CollapsedProviderTest extends InferenceMethodContract {

    @Override
    protected InferenceMethodProvider provider() {
        return new CollapsedProvider();
    }

    @Override
    protected int drawsPerChain() {
        return 1000;
    }

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(InferenceMethodProvider.class).stream()
                .anyMatch(p -> p.get().id().equals("collapsed")));
    }

    @Test
    void explainsWhichNodesAreIntegratedOut() {
        assertEquals(List.of(
                "mu: integrated out in closed form (mu -> y (normal-normal)), drawn exactly from its conditional after"
                        + " each transition",
                "lambda: integrated out in closed form (lambda -> k (gamma-poisson)), drawn exactly from its conditional"
                        + " after each transition",
                "no other parameters: every draw is exact and independent"),
                provider().explain(conjugateModelForTests(), MethodOptions.empty()));
    }

    @Test
    void aLayerUnderNutsIsReproducibleFromTheSeedAtAnyThreadCount() {
        RunConfig.Builder config = RunConfig.builder().chains(3).warmup(150).draws(100).seed(41);
        PosteriorDraws sequential = (PosteriorDraws) provider().create(MethodOptions.empty()).fit(
                MarginalDensityTest.mixed(), config.build(), FitListener.NONE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            PosteriorDraws parallel = (PosteriorDraws) provider().create(MethodOptions.empty()).fit(
                    MarginalDensityTest.mixed(), config.executor(pool).build(), FitListener.NONE);
            for (int c = 0; c < 3; c++) {
                for (int v = 0; v < sequential.draws().variables().size(); v++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(sequential.draws().chain(c, v),
                            parallel.draws().chain(c, v));
                }
                org.junit.jupiter.api.Assertions.assertArrayEquals(sequential.conditionalMeans().orElseThrow().chain(c, 0),
                        parallel.conditionalMeans().orElseThrow().chain(c, 0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("z[1]", "z[2]", "z[3]", "z[4]", "z[5]", "z[6]", "z[7]", "z[8]"),
                sequential.conditionalMeans().orElseThrow().variables().subList(0, 8));
        assertTrue(sequential.conditionalMeans().orElseThrow().variables().contains("r_slope[4]"));
        assertEquals(List.of("lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__", "divergent__",
                "energy__"), sequential.samplerStatistics().variables());
        assertTrue(sequential.settings().get("collapsed").startsWith("z -> y (linear Gaussian: 3 groups of observations with up to 2 effects each"),
                sequential.settings().toString());
        assertEquals("nuts", sequential.settings().get("engine"));
    }

    @Test
    void aModelWithoutAConjugateLayerIsRefusedSayingWhichNodeWouldNeedToBe() {
        org.muster.core.api.ModelBuilder b = org.muster.core.api.Model.builder();
        org.muster.core.api.Node mu = b.stochastic("mu", org.muster.core.api.Distributions.normal(0, 1));
        org.muster.core.api.Node tau = b.stochastic("tau", org.muster.core.api.Distributions.halfNormal(1));
        org.muster.core.api.Node z = b.stochastic("z", 4, org.muster.core.api.Distributions.normal(0, 1));
        org.muster.core.api.Node theta = b.deterministic("theta", org.muster.core.api.Expressions.invLogit(mu.plus(tau.times(z))));
        b.observed("y", org.muster.core.api.Distributions.binomial(b.data("n", new double[] {10, 12, 9, 20}), theta),
                new int[] {3, 5, 2, 11});
        org.muster.core.api.Model model = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.empty()).fit(model, RunConfig.builder().chains(1).warmup(10).draws(10)
                        .seed(1).build(), FitListener.NONE));
        assertTrue(e.getMessage().startsWith("collapsed needs a layer of unit parameters to integrate out in closed form"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("this model has none: y ~ binomial is not normal, so z is not conjugate to it"
                + " (a normal likelihood with its mean affine in z would be)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provider().explain(model, MethodOptions.empty()));
        org.muster.core.api.ModelBuilder g = org.muster.core.api.Model.builder();
        org.muster.core.api.Node rate = g.stochastic("rate", 3, org.muster.core.api.Distributions.gamma(2, 1));
        g.observed("k", org.muster.core.api.Distributions.normal(rate, 1), new double[] {1, 2, 3});
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
                () -> provider().explain(g.build(), MethodOptions.empty()));
        assertTrue(gamma.getMessage().endsWith("k ~ normal is not conjugate to rate ~ gamma (it would need to be poisson"
                + " with the unit's value (times data exposures) as its rate)"), gamma.getMessage());
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(java.util.Map.of("adapt_delta", "1.5"))));
        assertTrue(option.getMessage().contains("adapt_delta"), option.getMessage());
    }
}
