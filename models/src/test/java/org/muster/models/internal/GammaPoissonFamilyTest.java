package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.models.internal.HandWritten.exponential;
import static org.muster.models.internal.HandWritten.gamma;
import static org.muster.models.internal.HandWritten.poisson;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.Convergence;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;

class GammaPoissonFamilyTest {

    private final GammaPoissonFamily family = new GammaPoissonFamily();
    private final Dataset sources = DatasetReader.builtIn("gamma-poisson-sources");
    private final int[] counts = sources.integer("counts");
    private final double[] exposures = sources.positive("exposure");

    private double pooledRate() {
        return Arrays.stream(counts).sum() / Arrays.stream(exposures).sum();
    }

    @Test
    void logDensityIsGammaRatesWithMeanAndSdAndPoissonCounts() {
        CompiledModel compiled = family.build(sources, FamilyOptions.none()).compile();
        assertEquals(62, compiled.dimension());
        assertEquals(List.of("mu", "sigma", "lambda[1]"), compiled.unconstrainedNames().subList(0, 3));
        double rate = 1 / pooledRate();
        SplittableRandom random = new SplittableRandom(31);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = HandWritten.randomPoint(random, 62, 1);
            x[0] += 4.5;
            x[1] += 3;
            for (int i = 2; i < 62; i++) {
                x[i] += 4.5;
            }
            double mu = Math.exp(x[0]);
            double sigma = Math.exp(x[1]);
            double shape = mu * mu / (sigma * sigma);
            double gammaRate = mu / (sigma * sigma);
            double expected = x[0] + exponential(mu, rate) + x[1] + exponential(sigma, rate);
            for (int i = 0; i < 60; i++) {
                double lambda = Math.exp(x[2 + i]);
                expected += x[2 + i] + gamma(lambda, shape, gammaRate) + poisson(counts[i], exposures[i] * lambda);
            }
            assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void userPriorsAndThePoolingsChangeOnlyWhatTheySay() {
        CompiledModel compiled = family.build(sources, FamilyOptions.builder().prior("mu=normal(100, 100)")
                .prior("sigma=half_cauchy(0, 50)").build()).compile();
        double[] x = new double[62];
        Arrays.fill(x, 4.6);
        x[1] = 3.4;
        double mu = Math.exp(x[0]);
        double sigma = Math.exp(x[1]);
        // normal(100, 100) truncated to mu > 0 has mass 1 - Phi(-1) = 0.8413447460685429.
        double expected = x[0] + HandWritten.normal(mu, 100, 100) - Math.log(0.8413447460685429)
                + x[1] + HandWritten.halfCauchy(sigma, 50);
        for (int i = 0; i < 60; i++) {
            double lambda = Math.exp(x[2 + i]);
            expected += x[2 + i] + gamma(lambda, mu * mu / (sigma * sigma), mu / (sigma * sigma))
                    + poisson(counts[i], exposures[i] * lambda);
        }
        assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));

        CompiledModel none = family.build(sources, FamilyOptions.builder().pooling(Pooling.NONE).build()).compile();
        double[] free = Arrays.copyOf(x, 60);
        double flat = 0;
        for (int i = 0; i < 60; i++) {
            flat += free[i] + poisson(counts[i], exposures[i] * Math.exp(free[i]));
        }
        assertEquals(flat, none.newEvaluator().logDensity(free), 1e-12 * Math.abs(flat));

        CompiledModel complete = family.build(sources, FamilyOptions.builder().pooling(Pooling.COMPLETE).build())
                .compile();
        double pooled = 4.6 + exponential(Math.exp(4.6), 1 / pooledRate());
        for (int i = 0; i < 60; i++) {
            pooled += poisson(counts[i], exposures[i] * Math.exp(4.6));
        }
        assertEquals(pooled, complete.newEvaluator().logDensity(new double[] {4.6}), 1e-12 * Math.abs(pooled));
    }

    @Test
    void theDefaultPriorsAreProperSoThePriorPredictiveCanBeDrawn() {
        FamilyModel model = family.prepare(sources, FamilyOptions.none());
        Draws prior = model.simulate(300, 5);
        assertTrue(prior.indexOf("n_rep[60]") >= 0 && prior.indexOf("lambda_new") >= 0 && prior.indexOf("n_new") >= 0);
        double[] mu = prior.pooled(prior.indexOf("mu"));
        double mean = Arrays.stream(mu).average().orElseThrow();
        // mu ~ exponential with mean the pooled rate; 300 draws give a standard error of 6%.
        assertEquals(pooledRate(), mean, 0.3 * pooledRate());
        for (double count : prior.pooled(prior.indexOf("n_rep[1]"))) {
            assertTrue(count >= 0 && count == Math.rint(count));
        }
    }

    @Test
    @Tag("statistical")
    void recoversThePopulationTheSourcesWereSimulatedFrom() {
        FamilyModel model = family.prepare(sources, FamilyOptions.none());
        Draws draws = Fits.nuts(model.model(), 1000, 1000, 60);
        // The fluxes were drawn from a gamma with mean 100 and sd 30 (shared/data/README.md).
        double[] mu = draws.pooled(draws.indexOf("mu"));
        double[] sigma = draws.pooled(draws.indexOf("sigma"));
        Arrays.sort(mu);
        Arrays.sort(sigma);
        assertTrue(mu[(int) (0.005 * mu.length)] < 100 && 100 < mu[(int) (0.995 * mu.length)],
                "mu 99% interval " + mu[(int) (0.005 * mu.length)] + " .. " + mu[(int) (0.995 * mu.length)]);
        assertTrue(sigma[(int) (0.005 * sigma.length)] < 30 && 30 < sigma[(int) (0.995 * sigma.length)],
                "sigma 99% interval " + sigma[(int) (0.005 * sigma.length)] + " .. " + sigma[(int) (0.995 * sigma.length)]);
        assertTrue(Convergence.rhat(draws.variable(draws.indexOf("mu"))) < 1.01);
    }
}
