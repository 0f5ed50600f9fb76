package org.muster.em.internal.eb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Distributions;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PointEstimate;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.em.api.BetaBinomialEmpiricalBayes;
import org.muster.em.api.BetaBinomialEstimate;
import org.muster.em.api.GammaPoissonEmpiricalBayes;
import org.muster.em.api.GammaPoissonEstimate;
import org.muster.em.api.NormalHierarchicalEmpiricalBayes;
import org.muster.em.api.NormalHierarchicalEstimate;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/** eb and map2 over the model graph, against the closed-form empirical-Bayes classes on raw arrays. */
class EmpiricalBayesProviderTest {

    private static InferenceMethodProvider provider(String id) {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static Model model(String family, String data, FamilyOptions options) {
        ModelFamily f = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(m -> m.id().equals(family)).findFirst().orElseThrow();
        return f.build(DatasetReader.builtIn(data), options);
    }

    static PointEstimate fit(String method, Model model, Map<String, String> options) {
        return (PointEstimate) provider(method).create(MethodOptions.of(options))
                .fit(model, RunConfig.builder().chains(4).warmup(0).draws(2).seed(7).build(), FitListener.NONE);
    }

    private static double value(PointEstimate fit, String name, int index) {
        return fit.estimates().get(name)[index];
    }

    @Test
    void ratsTypeTwoMatchesTheClosedFormAndItsUnitPosteriors() {
        Dataset rats = DatasetReader.builtIn("rats");
        int[] y = rats.integer("tumors");
        int[] n = rats.integer("rats");
        BetaBinomialEstimate reference = BetaBinomialEmpiricalBayes.typeTwoMaximumLikelihood(y, n);
        PointEstimate fit = fit("eb", model("beta-binomial", "rats", FamilyOptions.none()), Map.of());
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
        assertEquals(reference.alpha(), value(fit, "alpha", 0), 1e-6 * reference.alpha());
        assertEquals(reference.beta(), value(fit, "beta", 0), 1e-6 * reference.beta());
        assertEquals(reference.logMarginalLikelihood(), fit.objective(), 1e-9);
        assertEquals(reference.alphaStandardError(), fit.standardErrors().get("alpha")[0], 1e-3 * reference.alphaStandardError());
        assertEquals(reference.betaStandardError(), fit.standardErrors().get("beta")[0], 1e-3 * reference.betaStandardError());
        assertEquals(reference.posteriorMean(4, 14), value(fit, "theta", 70), 1e-7);
        double a = reference.alpha() + 4;
        double b = reference.beta() + 10;
        assertEquals(Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1))), fit.standardErrors().get("theta")[70], 1e-6);
        assertEquals("4", fit.settings().get("starts_at_best"));
        assertFalse(fit.estimates().containsKey("mean") && Double.isNaN(fit.standardErrors().get("mean")[0]));
    }

    @Test
    void ratsMethodOfMomentsGivesTheLectureNumbers() {
        PointEstimate fit = fit("eb", model("beta-binomial", "rats", FamilyOptions.none()), Map.of("estimator", "moments"));
        assertEquals(1.4, value(fit, "alpha", 0), 0.05);
        assertEquals(8.6, value(fit, "beta", 0), 0.05);
        // BDA3 5.1 matches the moments of the 70 historical experiments and gets 0.223 for the 71st (the api test);
        // the model holds all 71, whose moments give (1.43, 8.71) and 0.224.
        assertEquals(0.223, value(fit, "theta", 70), 0.002);
        int[] y = DatasetReader.builtIn("rats").integer("tumors");
        int[] n = DatasetReader.builtIn("rats").integer("rats");
        BetaBinomialEstimate reference = BetaBinomialEmpiricalBayes.methodOfMoments(y, n);
        assertEquals(reference.alpha(), value(fit, "alpha", 0), 1e-12);
        assertEquals(reference.posteriorMean(4, 14), value(fit, "theta", 70), 1e-12);
        assertEquals(value(fit, "alpha", 0) / (value(fit, "alpha", 0) + value(fit, "beta", 0)), 0.1381, 0.001);
    }

    @Test
    void gammaPoissonTypeTwoMatchesTheClosedForm() {
        Dataset sources = DatasetReader.builtIn("gamma-poisson-sources");
        int[] k = sources.integer("counts");
        double[] e = sources.real("exposure");
        GammaPoissonEstimate reference = GammaPoissonEmpiricalBayes.typeTwoMaximumLikelihood(k, e);
        PointEstimate fit = fit("eb", model("gamma-poisson", "gamma-poisson-sources", FamilyOptions.none()), Map.of());
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
        assertEquals(reference.logMarginalLikelihood(), fit.objective(), 1e-8);
        // The family's hyperparameters are the gamma's mean and sd: shape = (mu/sigma)², rate = mu/sigma².
        double mu = value(fit, "mu", 0);
        double sigma = value(fit, "sigma", 0);
        assertEquals(reference.shape(), mu * mu / (sigma * sigma), 1e-6 * reference.shape());
        assertEquals(reference.rate(), mu / (sigma * sigma), 1e-6 * reference.rate());
        for (int j = 0; j < k.length; j++) {
            assertEquals(reference.posteriorMean(k[j], e[j]), value(fit, "lambda", j), 1e-6 * reference.posteriorMean(k[j], e[j]));
        }
    }

    @Test
    void eightSchoolsTypeTwoIsAtTauZeroAndSaysSo() {
        double[] y = {28, 8, -3, 7, -1, 1, 18, 12};
        double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
        NormalHierarchicalEstimate reference = NormalHierarchicalEmpiricalBayes.typeTwoMaximumLikelihood(y, sigma);
        assertEquals(0, reference.tau());
        for (String parameterization : new String[] {"noncentered", "centered"}) {
            Model model = model("eight-schools", "eight-schools",
                    FamilyOptions.builder().options(Map.of("parameterization", parameterization)).build());
            PointEstimate fit = fit("eb", model, Map.of());
            assertTrue(fit.estimates().containsKey("tau"), fit.estimates().keySet() + " " + fit.warnings() + " " + fit.settings());
            assertEquals(0, value(fit, "tau", 0), parameterization);
            assertTrue(Double.isNaN(fit.standardErrors().get("tau")[0]), parameterization);
            assertEquals(reference.mu(), value(fit, "mu", 0), 1e-6, parameterization);
            assertEquals(reference.logMarginalLikelihood(), fit.objective(), 1e-9, parameterization);
            assertTrue(fit.standardErrors().get("mu")[0] > 0, parameterization);
            for (int j = 0; j < 8; j++) {
                assertEquals(reference.mu(), value(fit, "theta", j), 1e-6);
                assertEquals(0, fit.standardErrors().get("theta")[j]);
            }
            assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("boundary, at tau = 0")), fit.warnings().toString());
            assertFalse(fit.estimates().containsKey("z"), parameterization);
        }
    }

    @Test
    void normalMarginalMatchesTheClosedFormAwayFromTheBoundary() {
        // Spread the estimates so that tau > 0 at the maximum; then the graph route and the closed form agree.
        double[] y = {28, 8, -30, 7, -10, 1, 48, 12};
        double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
        NormalHierarchicalEstimate reference = NormalHierarchicalEmpiricalBayes.typeTwoMaximumLikelihood(y, sigma);
        assertTrue(reference.tau() > 5, "tau " + reference.tau());
        ModelBuilder b = Model.builder();
        Node s = b.data("sigma", sigma);
        Node mu = b.stochastic("mu", Distributions.normal(0, 100));
        Node tau = b.stochastic("tau", Distributions.halfCauchy(5));
        Node z = b.stochastic("z", 8, Distributions.normal(0, 1));
        Node theta = b.deterministic("theta", mu.plus(tau.times(z)));
        b.observed("y", Distributions.normal(theta, s), y);
        Model model = b.build();
        PointEstimate fit = fit("eb", model, Map.of());
        assertTrue(fit.warnings().isEmpty(), fit.warnings() + " " + fit.settings());
        assertEquals(reference.tau(), value(fit, "tau", 0), 1e-5 * reference.tau());
        assertEquals(reference.mu(), value(fit, "mu", 0), 1e-5);
        for (int j = 0; j < 8; j++) {
            assertEquals(reference.posteriorMean(y[j], sigma[j]), value(fit, "theta", j), 1e-5);
            assertEquals(reference.posteriorSd(sigma[j]), fit.standardErrors().get("theta")[j], 1e-5);
        }
        PointEstimate map2 = fit("map2", model, Map.of());
        // The half-Cauchy(5) pulls tau down; the objective is the marginal likelihood plus both log priors.
        double mu2 = value(map2, "mu", 0);
        double tau2 = value(map2, "tau", 0);
        assertTrue(tau2 < value(fit, "tau", 0), map2.estimates().toString());
        double logPrior = -0.5 * Math.log(2 * Math.PI) - Math.log(100) - 0.5 * Math.pow(mu2 / 100, 2)
                + Math.log(2 / (Math.PI * 5 * (1 + Math.pow(tau2 / 5, 2))));
        assertEquals(NormalHierarchicalEmpiricalBayes.logMarginalLikelihood(y, sigma, mu2, tau2) + logPrior, map2.objective(), 1e-9);
    }

    @Test
    void mapTwoAddsTheHyperpriorToTheMarginalLikelihood() {
        Model rats = model("beta-binomial", "rats", FamilyOptions.builder()
                .prior("alpha=exponential(1)").prior("beta=exponential(0.1)").build());
        PointEstimate eb = fit("eb", rats, Map.of());
        PointEstimate map2 = fit("map2", rats, Map.of());
        double alpha = value(map2, "alpha", 0);
        double beta = value(map2, "beta", 0);
        int[] y = DatasetReader.builtIn("rats").integer("tumors");
        int[] n = DatasetReader.builtIn("rats").integer("rats");
        double expected = BetaBinomialEmpiricalBayes.logMarginalLikelihood(y, n, alpha, beta)
                + Math.log(1) - alpha + Math.log(0.1) - 0.1 * beta;
        assertEquals(expected, map2.objective(), 1e-9);
        // The exponential priors favour smaller alpha and beta than the marginal likelihood alone.
        assertTrue(alpha < value(eb, "alpha", 0) && beta < value(eb, "beta", 0), map2.estimates() + " vs " + eb.estimates());
        assertTrue(map2.objective() >= BetaBinomialEmpiricalBayes.logMarginalLikelihood(y, n, value(eb, "alpha", 0),
                value(eb, "beta", 0)) - value(eb, "alpha", 0) + Math.log(0.1) - 0.1 * value(eb, "beta", 0) - 1e-9);
    }

    @Test
    void noAndCompletePoolingAreTheEndsOfTheLadder() {
        Model rats = model("beta-binomial", "rats", FamilyOptions.none());
        PointEstimate none = fit("eb", rats, Map.of("estimator", "none"));
        PointEstimate complete = fit("eb", rats, Map.of("estimator", "complete"));
        assertEquals(4.0 / 14, value(none, "theta", 70), 1e-15);
        int[] y = DatasetReader.builtIn("rats").integer("tumors");
        int[] n = DatasetReader.builtIn("rats").integer("rats");
        double pooled = (double) java.util.Arrays.stream(y).sum() / java.util.Arrays.stream(n).sum();
        assertEquals(pooled, value(complete, "theta", 0), 1e-15);
        assertEquals(pooled, value(complete, "theta", 70), 1e-15);
    }

    @Test
    void ratesWithNoSpreadHaveNoFiniteMaximumAndNoEstimate() {
        ModelBuilder b = Model.builder();
        Node alpha = b.stochastic("alpha", Distributions.exponential(0.1));
        Node beta = b.stochastic("beta", Distributions.exponential(0.1));
        Node theta = b.stochastic("theta", 10, Distributions.beta(alpha, beta));
        double[] trials = new double[10];
        double[] successes = new double[10];
        java.util.Arrays.fill(trials, 50);
        java.util.Arrays.fill(successes, 5);
        b.observed("y", Distributions.binomial(b.data("n", trials), theta), successes);
        PointEstimate fit = fit("eb", b.build(), Map.of());
        assertFalse(fit.hasEstimate(), fit.estimates().toString());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("run to infinity")), fit.warnings().toString());
    }

    @Test
    void explainNamesTheLayerAndWhatIsMaximized() {
        Model eightSchools = model("eight-schools", "eight-schools", FamilyOptions.none());
        assertEquals(java.util.List.of("z: integrated out in closed form (theta = a + b * z -> y (normal-normal))",
                "mu, tau: maximize the marginal likelihood (L-BFGS)"), provider("eb").explain(eightSchools, MethodOptions.empty()));
    }

    @Test
    void aModelWithoutAConjugateUnitLayerIsRefusedWithWhatIsNeeded() {
        Model logitNormal = model("logit-normal", "rats", FamilyOptions.none());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit("eb", logitNormal, Map.of()));
        assertTrue(e.getMessage().contains("empirical Bayes needs a layer of unit parameters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fit("eb", logitNormal, Map.of("estimator", "bogus")));
        Model sources = model("gamma-poisson", "gamma-poisson-sources", FamilyOptions.none());
        IllegalArgumentException moments = assertThrows(IllegalArgumentException.class,
                () -> fit("eb", sources, Map.of("estimator", "moments")));
        assertTrue(moments.getMessage().contains("beta-binomial"), moments.getMessage());
    }
}
