package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.models.internal.HandWritten.beta;
import static org.muster.models.internal.HandWritten.binomial;
import static org.muster.models.internal.HandWritten.exponential;
import static org.muster.models.internal.HandWritten.invLogit;
import static org.muster.models.internal.HandWritten.logitJacobian;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;

class BetaBinomialFamilyTest {

    private final BetaBinomialFamily family = new BetaBinomialFamily();
    private final Dataset rats = DatasetReader.builtIn("rats");
    private final int[] y = rats.integer("tumors");
    private final int[] n = rats.integer("rats");

    @Test
    void defaultModelIsBda3sHyperpriorOnMeanAndConcentration() {
        CompiledModel compiled = family.build(rats, FamilyOptions.none()).compile();
        assertEquals(73, compiled.dimension());
        assertEquals(List.of("mean", "concentration", "theta[1]"), compiled.unconstrainedNames().subList(0, 3));
        assertTrue(compiled.outputNames().containsAll(List.of("alpha", "beta", "mean", "concentration", "theta[71]")));
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = HandWritten.randomPoint(random, 73, 1.5);
            double mean = invLogit(x[0]);
            double concentration = Math.exp(x[1]);
            // p(mean, concentration) = concentration^(-3/2) is p(alpha, beta) ∝ (alpha + beta)^(-5/2) times the
            // Jacobian concentration of (mean, concentration) -> (alpha, beta).
            double expected = logitJacobian(x[0]) + x[1] - 1.5 * Math.log(concentration);
            double alpha = mean * concentration;
            double b = (1 - mean) * concentration;
            for (int j = 0; j < 71; j++) {
                double theta = invLogit(x[2 + j]);
                expected += logitJacobian(x[2 + j]) + beta(theta, alpha, b) + binomial(y[j], n[j], theta);
            }
            assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void priorsOnAlphaAndBetaReplaceTheJointDefault() {
        FamilyOptions options = FamilyOptions.builder().prior("alpha=exponential(0.5)").prior("beta=exponential(0.1)")
                .build();
        CompiledModel compiled = family.build(rats, options).compile();
        assertEquals(List.of("alpha", "beta", "theta[1]"), compiled.unconstrainedNames().subList(0, 3));
        double[] x = HandWritten.randomPoint(new SplittableRandom(3), 73, 1);
        double alpha = Math.exp(x[0]);
        double b = Math.exp(x[1]);
        double expected = x[0] + exponential(alpha, 0.5) + x[1] + exponential(b, 0.1);
        for (int j = 0; j < 71; j++) {
            double theta = invLogit(x[2 + j]);
            expected += logitJacobian(x[2 + j]) + beta(theta, alpha, b) + binomial(y[j], n[j], theta);
        }
        assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
        assertTrue(compiled.outputNames().containsAll(List.of("mean", "concentration")));
    }

    @Test
    void noPoolingGivesEachUnitAUniformRateAndCompletePoolingOneSharedRate() {
        CompiledModel none = family.build(rats, FamilyOptions.builder().pooling(Pooling.NONE).build()).compile();
        double[] x = HandWritten.randomPoint(new SplittableRandom(5), 71, 1);
        double expected = 0;
        for (int j = 0; j < 71; j++) {
            double theta = invLogit(x[j]);
            expected += logitJacobian(x[j]) + binomial(y[j], n[j], theta);
        }
        assertEquals(expected, none.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));

        CompiledModel complete = family.build(rats, FamilyOptions.builder().pooling(Pooling.COMPLETE)
                .prior("mean=beta(2, 10)").build()).compile();
        assertEquals(List.of("mean"), complete.unconstrainedNames());
        double[] point = {-1.2};
        double theta = invLogit(point[0]);
        double pooled = logitJacobian(point[0]) + beta(theta, 2, 10);
        for (int j = 0; j < 71; j++) {
            pooled += binomial(y[j], n[j], theta);
        }
        assertEquals(pooled, complete.newEvaluator().logDensity(point), 1e-12 * Math.max(1, Math.abs(pooled)));
        assertEquals(theta, complete.constrain(point).get("theta")[70], 1e-15);
    }

    @Test
    void priorMistakesAreNamed() {
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> family.build(rats, FamilyOptions.builder().prior("alpha=gamma(2, 1)").build()));
        assertTrue(half.getMessage().contains("needs one on the other"), half.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> family.build(rats,
                FamilyOptions.builder().prior("alpha=gamma(2,1)").prior("beta=gamma(2,1)").prior("mean=beta(1,1)").build()));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> family.build(rats, FamilyOptions.builder().prior("tau=half_cauchy(0,5)").build()));
        assertTrue(unknown.getMessage().contains("no parameter 'tau'")
                && unknown.getMessage().contains("mean, concentration, alpha, beta"), unknown.getMessage());
        IllegalArgumentException complete = assertThrows(IllegalArgumentException.class, () -> family.build(rats,
                FamilyOptions.builder().pooling(Pooling.COMPLETE).prior("alpha=gamma(2,1)").build()));
        assertTrue(complete.getMessage().contains("--pooling complete"), complete.getMessage());
    }

    @Test
    void predictionsAddReplicatedDataAndANewUnit() {
        FamilyModel model = family.prepare(rats, FamilyOptions.builder().option("new_trials", "20").build());
        // Three fixed draws of the parameters are enough to check names and constraints.
        CompiledModel compiled = model.model().compile();
        double[][] x = new double[3][];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 3; i++) {
            x[i] = HandWritten.randomPoint(random, compiled.dimension(), 1);
        }
        Draws draws = DrawsFixture.of(compiled, x);
        Draws predicted = model.withPredictions(draws, 42);
        assertEquals(draws.variables().size() + 71 + 2, predicted.variables().size());
        assertEquals(predicted.variables(), model.withPredictions(draws, 42).variables());
        for (int t = 0; t < 3; t++) {
            for (int j = 0; j < 71; j++) {
                double rep = predicted.value(0, predicted.indexOf("y_rep[" + (j + 1) + "]"), t);
                assertTrue(rep >= 0 && rep <= n[j] && rep == Math.rint(rep), "y_rep " + rep);
            }
            double yNew = predicted.value(0, predicted.indexOf("y_new"), t);
            double thetaNew = predicted.value(0, predicted.indexOf("theta_new"), t);
            assertTrue(yNew >= 0 && yNew <= 20 && thetaNew > 0 && thetaNew < 1);
        }
    }

    @Test
    void theDefaultPriorIsImproperSoSimulatingAsksForAProperOne() {
        FamilyModel model = family.prepare(rats, FamilyOptions.none());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.simulate(10, 1));
        assertEquals("cannot simulate from the prior: cannot draw 'concentration' ~ improper concentration^(-3/2): an"
                + " improper prior has no draws; give it a proper prior with --prior", e.getMessage());
        Draws prior = family.prepare(rats, FamilyOptions.builder().prior("concentration=lognormal(2, 1)").build())
                .simulate(200, 1);
        assertEquals(200, prior.iterations());
        assertTrue(prior.indexOf("y_rep[71]") >= 0 && prior.indexOf("theta_new") >= 0);
    }
}
