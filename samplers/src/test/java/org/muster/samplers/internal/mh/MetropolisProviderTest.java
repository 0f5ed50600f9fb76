package org.muster.samplers.internal.mh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.muster.core.api.Distributions.normal;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Summaries;
import org.muster.testkit.InferenceMethodContract;
import org.muster.testkit.MonteCarloAssertions;

class MetropolisProviderTest extends InferenceMethodContract {

    @Override
    protected InferenceMethodProvider provider() {
        return new MetropolisProvider();
    }

    @Override
    protected int drawsPerChain() {
        return 10_000;
    }

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(InferenceMethodProvider.class).stream()
                .anyMatch(p -> p.get().id().equals("mh")));
    }

    /** x ~ normal(0, 1), y | x ~ normal(2 x, 0.6): y has variance 4.36 and corr(x, y) = 2 / sqrt(4.36) ≈ 0.96. */
    private static Model correlatedNormal() {
        ModelBuilder b = Model.builder();
        Node x = b.stochastic("x", normal(0, 1));
        b.stochastic("y", normal(x.times(b.constant(2)), b.constant(0.6)));
        return b.build();
    }

    @ParameterizedTest
    @CsvSource({"dense, block", "diag, block", "diag, componentwise"})
    void everyProposalRecoversACorrelatedNormal(String proposal, String update) {
        var method = provider().create(MethodOptions.of(Map.of("proposal", proposal, "update", update)));
        PosteriorDraws fit = (PosteriorDraws) method.fit(correlatedNormal(),
                RunConfig.builder().chains(4).warmup(2000).draws(5000).seed(17).build(), FitListener.NONE);
        Draws draws = fit.draws();
        MonteCarloAssertions.assertMeanAndVariance(draws, "x", 0, 1);
        MonteCarloAssertions.assertMeanAndVariance(draws, "y", 0, 4.36);
        assertEquals(proposal, fit.settings().get("proposal"));
        assertEquals(update, fit.settings().get("update"));
    }

    @Test
    void theDenseProposalMixesACorrelatedTargetBetterThanTheDiagonal() {
        double dense = minimumBulkEss("dense");
        double diagonal = minimumBulkEss("diag");
        // Haario's covariance turns the 0.96-correlated ridge into a round target: several times the ESS.
        assertTrue(dense > 2 * diagonal, "bulk ESS dense " + dense + " vs diagonal " + diagonal);
    }

    private double minimumBulkEss(String proposal) {
        var method = provider().create(MethodOptions.of(Map.of("proposal", proposal)));
        PosteriorDraws fit = (PosteriorDraws) method.fit(correlatedNormal(),
                RunConfig.builder().chains(4).warmup(2000).draws(5000).seed(3).build(), FitListener.NONE);
        return Summaries.summarize(fit).rows().stream().mapToDouble(r -> r.essBulk()).min().orElseThrow();
    }

    @Test
    void rejectsUnknownAndInvalidOptions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("stepsize", "0.1"))));
        assertTrue(unknown.getMessage().contains("stepsize"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("target_accept", "1.5"))));
        IllegalArgumentException proposal = assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("proposal", "full"))));
        assertTrue(proposal.getMessage().contains("proposal=full") && proposal.getMessage().contains("dense"),
                proposal.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("update", "single"))));
        assertEquals("mh", provider().id());
    }
}
