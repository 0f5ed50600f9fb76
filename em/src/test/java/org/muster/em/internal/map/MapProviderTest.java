package org.muster.em.internal.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Distributions.uniform;

import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PointEstimate;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

class MapProviderTest {

    static final double[] Y = {2.1, 3.4, 1.9, 2.8, 4.0, 2.2, 3.1, 2.6, 3.7, 2.4};
    static final int[] COUNTS = {3, 5, 2, 4, 6, 3};
    static final double[] SCHOOL_EFFECTS = {28, 8, -3, 7, -1, 1, 18, 12};
    static final double[] SCHOOL_ERRORS = {15, 10, 16, 11, 9, 11, 10, 18};

    /** mu ~ N(0, 10), y ~ N(mu, 2); lambda ~ Gamma(2, 1), k ~ Poisson(lambda). */
    static Model conjugateModel() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 10));
        b.observed("y", normal(mu, 2), Y);
        Node lambda = b.stochastic("lambda", gamma(2, 1));
        b.observed("k", poisson(lambda), COUNTS);
        return b.build();
    }

    private static PointEstimate fit(Model model, Map<String, String> options, int starts) {
        return (PointEstimate) new MapProvider().create(MethodOptions.of(options))
                .fit(model, RunConfig.builder().chains(starts).seed(11).build(), FitListener.NONE);
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(ServiceLoader.load(InferenceMethodProvider.class).stream()
                .anyMatch(p -> p.get().id().equals("map")));
    }

    @Test
    void modesAndStandardErrorsOfConjugatePosteriorsMatchTheirClosedForms() {
        PointEstimate fit = fit(conjugateModel(), Map.of(), 4);
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
        double precision = 1 / 100.0 + Y.length / 4.0;
        double muMode = (Arrays.stream(Y).sum() / 4.0) / precision;
        assertEquals(muMode, fit.estimates().get("mu")[0], 1e-7);
        assertEquals(Math.sqrt(1 / precision), fit.standardErrors().get("mu")[0], 1e-5);
        // Gamma(a, b) posterior: mode (a - 1)/b; the inverse of -d²/dλ² log p at the mode is λ̂²/(a - 1) = λ̂/b.
        double shape = 2 + Arrays.stream(COUNTS).sum();
        double rate = 1 + COUNTS.length;
        double lambdaMode = (shape - 1) / rate;
        assertEquals(lambdaMode, fit.estimates().get("lambda")[0], 1e-7);
        assertEquals(Math.sqrt(lambdaMode / rate), fit.standardErrors().get("lambda")[0], 1e-5);
        assertEquals("4", fit.settings().get("starts_at_best"));
    }

    @Test
    void withTheJacobianTheModeIsThatOfTheLogScale() {
        // The density of u = log λ is Gamma's times e^u: mode of u at λ = a/b.
        PointEstimate fit = fit(conjugateModel(), Map.of("jacobian", "true"), 2);
        double shape = 2 + Arrays.stream(COUNTS).sum();
        double rate = 1 + COUNTS.length;
        assertEquals(shape / rate, fit.estimates().get("lambda")[0], 1e-7);
    }

    @Test
    void objectiveIsTheLogDensityAtTheModeAndItsTraceRises() {
        PointEstimate fit = fit(conjugateModel(), Map.of(), 1);
        double[] trace = fit.objectiveTrace();
        assertEquals(fit.objective(), trace[trace.length - 1], 0);
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1], "iteration " + i);
        }
    }

    /**
     * Eight schools, marginal form y_j ~ N(mu, sqrt(sigma_j² + tau²)) with a flat prior on (mu, tau)
     * and tau below 30: MAP-II. The mode is interior when every sigma_j is shrunk; checked against
     * Nelder–Mead on the same log density written by hand.
     */
    @Test
    void agreesWithDerivativeFreeMaximizationOfAHandWrittenDensity() {
        double[] sigma = {5, 4, 6, 5, 4, 5, 4, 6};
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", uniform(-100, 100));
        Node tau = b.stochastic("tau", uniform(0, 30));
        Node variance = b.data("sigma_squared", Arrays.stream(sigma).map(s -> s * s).toArray()).plus(tau.times(tau));
        b.observed("y", normal(mu, variance.pow(0.5)), SCHOOL_EFFECTS);
        PointEstimate fit = fit(b.build(), Map.of(), 3);
        assertTrue(fit.hasEstimate(), fit.warnings().toString());
        MultivariateFunction logDensity = p -> {
            double sum = 0;
            for (int j = 0; j < sigma.length; j++) {
                double v = sigma[j] * sigma[j] + p[1] * p[1];
                sum += -0.5 * Math.log(v) - 0.5 * (SCHOOL_EFFECTS[j] - p[0]) * (SCHOOL_EFFECTS[j] - p[0]) / v;
            }
            return sum;
        };
        PointValuePair best = new SimplexOptimizer(1e-14, 1e-14).optimize(new MaxEval(100_000),
                new ObjectiveFunction(logDensity), GoalType.MAXIMIZE, new InitialGuess(new double[] {5, 5}),
                new NelderMeadSimplex(2));
        assertEquals(best.getPoint()[0], fit.estimates().get("mu")[0], 1e-4);
        assertEquals(best.getPoint()[1], fit.estimates().get("tau")[0], 1e-4);
    }

    @Test
    void centeredEightSchoolsUnderAFlatPriorHasNoModeAndSaysSo() {
        // The joint density grows without bound as tau → 0 with every theta_j at mu.
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", uniform(-100, 100));
        Node tau = b.stochastic("tau", uniform(0, 100));
        Node theta = b.stochastic("theta", 8, normal(mu, tau));
        b.observed("y", normal(theta, b.data("sigma", SCHOOL_ERRORS)), SCHOOL_EFFECTS);
        PointEstimate fit = fit(b.build(), Map.of(), 2);
        assertFalse(fit.hasEstimate());
        assertTrue(fit.warnings().get(0).contains("tau"), fit.warnings().toString());
        assertTrue(fit.warnings().get(0).contains("boundary"), fit.warnings().toString());
    }

    @Test
    void eightSchoolsTypeTwoMaximumIsAtTauZeroAndIsReportedAsABoundary() {
        // With the real standard errors the marginal likelihood of tau is largest at 0 (BDA3 5.5).
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", uniform(-100, 100));
        Node tau = b.stochastic("tau", uniform(0, 30));
        Node variance = b.data("sigma_squared", Arrays.stream(SCHOOL_ERRORS).map(s -> s * s).toArray()).plus(tau.times(tau));
        b.observed("y", normal(mu, variance.pow(0.5)), SCHOOL_EFFECTS);
        PointEstimate fit = fit(b.build(), Map.of(), 2);
        assertFalse(fit.hasEstimate());
        assertTrue(fit.warnings().get(0).contains("tau"), fit.warnings().toString());
    }

    @Test
    void ratsBetaBinomialWithTheBda3HyperpriorHasNoJointModeAndSaysSo() {
        // The joint density of (mean, concentration, theta) grows without bound as every theta_j meets the
        // mean and the concentration grows: the joint MAP does not exist (only the marginal, type-II, one does).
        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("beta-binomial")).findFirst().orElseThrow();
        PointEstimate fit = fit(family.build(DatasetReader.builtIn("rats"), FamilyOptions.none()), Map.of(), 2);
        assertFalse(fit.hasEstimate());
        assertTrue(fit.warnings().get(0).contains("concentration"), fit.warnings().toString());
    }

    @Test
    void rejectsUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> new MapProvider().create(MethodOptions.of(Map.of("x", "1"))));
        assertThrows(IllegalArgumentException.class,
                () -> new MapProvider().create(MethodOptions.of(Map.of("jacobian", "maybe"))));
    }
}
