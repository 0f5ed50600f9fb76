package org.muster.samplers.internal.advi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.bernoulli;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.normal;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.VariationalFit;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.testkit.InferenceMethodContract;

/**
 * The providers {@code advi} and {@code advi-fullrank}: what the MCMC contract suite asks of samplers
 * that applies to one approximation (the seed fixes the result, the draws have the model's outputs,
 * cancellation returns what there is), options, and the fit's content on a model with a closed-form posterior.
 * The contract suite itself casts to {@code PosteriorDraws} and asks for 4 chains and agreement within
 * Monte Carlo error, which an approximation does not promise.
 */
class AdviProviderTest {

    static final double[] Y = {2.1, 3.4, 1.9, 2.8, 4.0, 2.2, 3.1, 2.6, 3.7, 2.4};

    /** The samplers' contract model: mu ~ N(0, 10), y ~ N(mu, 2); lambda ~ Gamma(2, 1), k ~ Poisson(lambda). */
    static Model conjugateModel() {
        return InferenceMethodContract.conjugateModelForTests();
    }

    private static VariationalFit fit(InferenceMethodProvider provider, Map<String, String> options, RunConfig config,
            FitListener listener) {
        return (VariationalFit) provider.create(MethodOptions.of(options)).fit(conjugateModel(), config, listener);
    }

    private static RunConfig config(long seed, int draws) {
        return RunConfig.builder().chains(4).draws(draws).seed(seed).build();
    }

    @Test
    void bothAreFoundByServiceLoader() {
        List<String> ids = ServiceLoader.load(InferenceMethodProvider.class).stream().map(p -> p.get().id()).toList();
        assertTrue(ids.contains("advi") && ids.contains("advi-fullrank"), ids.toString());
    }

    /** mu ~ N(0, 10), y ~ N(mu, 2): a Gaussian posterior, which a Gaussian approximation can match exactly. */
    static Model normalModel() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 10));
        b.observed("y", normal(mu, 2), Y);
        return b.build();
    }

    @Test
    void meanFieldRecoversAGaussianPosteriorAndReportsAGoodKHat() {
        VariationalFit fit = (VariationalFit) new MeanFieldAdviProvider().create(MethodOptions.of(Map.of("grad_samples",
                "10", "eta", "1", "adapt_engaged", "false", "iter", "20000", "tol_rel_obj", "1e-6", "eval_elbo", "1000")))
                .fit(normalModel(), config(21, 2000), FitListener.NONE);
        double precision = 1 / 100.0 + Y.length / 4.0;
        double muMean = (java.util.Arrays.stream(Y).sum() / 4.0) / precision;
        double muSd = Math.sqrt(1 / precision);
        assertEquals(muMean, fit.mean()[0], 0.05 * muSd);
        assertEquals(muSd, fit.standardDeviations()[0], 0.05 * muSd);
        assertTrue(fit.paretoK() < 0.5, "k-hat " + fit.paretoK());
        assertEquals("good", fit.paretoKReading());
        assertFalse(fit.flagged());
        assertTrue(fit.warnings().stream().noneMatch(w -> w.contains("k-hat")), fit.warnings().toString());
        // Importance reweighting of good draws changes the mean by less than its Monte Carlo error.
        assertEquals(muMean, fit.psisMeans().get("mu"), 4 * muSd / Math.sqrt(2000));
    }

    @Test
    void aGaussianApproximationOfAGammaPosteriorHasLighterTailsAndKHatSaysSo() {
        // lambda | k ~ Gamma(25, 7): on the log scale its left tail decays like exp(25 u), heavier than any
        // Gaussian's, so the ratios p / q are unbounded with a Pareto tail (k = 1 asymptotically, Yao et al. 2018).
        VariationalFit fit = fit(new MeanFieldAdviProvider(), Map.of("grad_samples", "10", "eta", "1", "adapt_engaged",
                "false", "iter", "20000", "tol_rel_obj", "1e-6", "eval_elbo", "1000"), config(21, 2000), FitListener.NONE);
        assertTrue(fit.paretoK() > 0.7, "k-hat " + fit.paretoK());
        assertTrue(fit.flagged());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("Pareto k-hat = ")), fit.warnings().toString());
    }

    @Test
    void theDrawsAreOneChainOfTheModelsOutputsWithStansVariationalStatistics() {
        VariationalFit fit = fit(new FullRankAdviProvider(), Map.of(), config(3, 250), FitListener.NONE);
        assertEquals("advi-fullrank", fit.methodId());
        assertTrue(fit.fullRank());
        assertEquals(List.of("mu", "lambda"), fit.draws().draws().variables());
        assertEquals(1, fit.draws().draws().chains());
        assertEquals(250, fit.draws().draws().iterations());
        assertEquals(List.of("lp__", "log_p__", "log_g__"), fit.draws().samplerStatistics().variables());
        assertEquals(1, fit.draws().chains().size());
        for (double lambda : fit.draws().draws().chain(0, 1)) {
            assertTrue(lambda > 0, "draws are pushed through the constraints");
        }
        assertEquals(List.of("mu", "lambda"), fit.unconstrainedNames());
        assertEquals(2, fit.cholesky().length);
        assertEquals(0, fit.logStandardDeviations().length);
        assertEquals("variational", fit.settings().get("algorithm"));
        assertEquals("fullrank", fit.settings().get("engine"));
        assertEquals("250", fit.settings().get("output_samples"));
        assertEquals(Double.toString(fit.stepSize()), fit.settings().get("eta"));
        assertTrue(fit.gradientEvaluations() > 0);
        assertTrue(Double.isFinite(fit.paretoK()));
        assertEquals(fit.stopReason().contains("converged"), fit.converged());
        VariationalFit more = fit(new FullRankAdviProvider(), Map.of("output_samples", "40"), config(3, 250),
                FitListener.NONE);
        assertEquals(40, more.draws().draws().iterations());
    }

    @Test
    void theSeedAloneFixesTheTraceAndTheDraws() {
        for (InferenceMethodProvider provider : List.of(new MeanFieldAdviProvider(), new FullRankAdviProvider())) {
            VariationalFit a = fit(provider, Map.of(), config(99, 300), FitListener.NONE);
            VariationalFit b = fit(provider, Map.of(), config(99, 300), FitListener.NONE);
            VariationalFit c = fit(provider, Map.of(), config(100, 300), FitListener.NONE);
            assertEquals(a.elboTrace(), b.elboTrace());
            assertArrayEquals(a.mean(), b.mean());
            for (int v = 0; v < 2; v++) {
                assertArrayEquals(a.draws().draws().chain(0, v), b.draws().draws().chain(0, v));
            }
            assertTrue(c.draws().draws().value(0, 0, 299) != a.draws().draws().value(0, 0, 299));
        }
    }

    @Test
    void aCancelledRunReturnsTheApproximationItHas() {
        AtomicInteger iterations = new AtomicInteger();
        FitListener listener = new FitListener() {
            @Override
            public void onIteration(int chain, int iteration, int total, boolean warmup) {
                if (!warmup) {
                    iterations.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return iterations.get() >= 150;
            }
        };
        VariationalFit fit = fit(new MeanFieldAdviProvider(), Map.of(), config(3, 100), listener);
        assertTrue(fit.draws().cancelled());
        assertEquals("cancelled", fit.stopReason());
        assertFalse(fit.converged());
        assertEquals(150, fit.iterations());
        assertEquals(1, fit.elboTrace().size());
        assertEquals(100, fit.draws().draws().iterations());
    }

    @Test
    void rejectsUnknownAndInvalidOptionsNamingThem() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new MeanFieldAdviProvider().create(MethodOptions.of(Map.of("max_depth", "3"))));
        assertTrue(unknown.getMessage().contains("max_depth") && unknown.getMessage().contains("grad_samples"),
                unknown.getMessage());
        for (Map<String, String> bad : List.of(Map.of("grad_samples", "0"), Map.of("tol_rel_obj", "-1"),
                Map.of("eta", "0"), Map.of("adapt_engaged", "maybe"), Map.of("iter", "x"), Map.of("output_samples", "0"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FullRankAdviProvider().create(MethodOptions.of(bad)));
            assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void refusesDiscreteParametersByName() {
        ModelBuilder b = Model.builder();
        Node p = b.stochastic("p", beta(1, 1));
        b.stochastic("z", bernoulli(p));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MeanFieldAdviProvider()
                .create(MethodOptions.empty()).fit(b.build(), config(1, 10), FitListener.NONE));
        assertTrue(e.getMessage().startsWith("advi cannot fit discrete parameters"), e.getMessage());
    }

    @Test
    void explainsTheApproximation() {
        assertEquals(List.of("all 2 unconstrained coordinates: one Gaussian with a full covariance (5 variational"
                + " parameters), step size chosen among 100, 10, 1, 0.1, 0.01"),
                new FullRankAdviProvider().explain(conjugateModel(), MethodOptions.empty()));
    }
}
