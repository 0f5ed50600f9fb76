package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

    static final double[] WEIGHTS = {0.4, 0.2, 0.4};
    static final double[] MEANS = {2, 5, 10};
    static final double[] SDS = {0.6, 0.8, 0.5};
    static final int N = 10_000;

    /** The mixture: n = 10,000 draws with seed 20261121. */
    static double[] simulate() {
        SplittableRandom random = new SplittableRandom(20261121);
        double[] data = new double[N];
        for (int i = 0; i < N; i++) {
            double u = random.nextDouble();
            int k = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            data[i] = MEANS[k] + SDS[k] * gaussian(random);
        }
        return data;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller, so the test's data do not depend on a library's sampler.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static final GaussianMixture MIXTURE = new GaussianMixture(new ExpectationMaximization(5000, 1e-12));
    private static final double[] DATA = simulate();
    /** Five random starts, seed 7: shared by the tests that only read it. */
    private static final MixtureFit RESTARTS = MIXTURE.fit(DATA, 3, 5, 7);

    @Test
    void recoversTheThreeComponentsWithinSamplingError() {
        MixtureFit fit = RESTARTS;
        NormalMixtureParameters p = fit.best().parameters();
        assertTrue(fit.best().converged());
        int[] order = java.util.stream.IntStream.range(0, 3).boxed()
                .sorted(java.util.Comparator.comparingDouble(k -> p.means()[k])).mapToInt(Integer::intValue).toArray();
        for (int j = 0; j < 3; j++) {
            int k = order[j];
            double count = N * WEIGHTS[j];
            // Four standard errors of the complete-data estimates (the components barely overlap).
            assertEquals(MEANS[j], p.means()[k], 4 * SDS[j] / Math.sqrt(count), "mean " + j);
            assertEquals(SDS[j], p.sds()[k], 4 * SDS[j] / Math.sqrt(2 * count), "sd " + j);
            assertEquals(WEIGHTS[j], p.weights()[k], 4 * Math.sqrt(WEIGHTS[j] * (1 - WEIGHTS[j]) / N), "weight " + j);
        }
    }

    @Test
    void everyTraceIsMonotone() {
        MixtureFit fit = RESTARTS;
        for (EmResult<NormalMixtureParameters> run : fit.runs()) {
            double[] trace = run.trace();
            for (int i = 1; i < trace.length; i++) {
                assertTrue(trace[i] >= trace[i - 1] - 1e-12 * Math.abs(trace[i - 1]), "iteration " + i);
            }
        }
    }

    @Test
    void theEstimateIsAStationaryPointOfTheLogLikelihood() {
        double[] data = DATA;
        NormalMixtureParameters p = RESTARTS.best().parameters();
        double base = p.logLikelihood(data);
        // Moving any mean or sd by a small step changes the log likelihood only to second order.
        double h = 1e-4;
        for (int k = 0; k < 3; k++) {
            double[] means = p.means();
            means[k] += h;
            double up = new NormalMixtureParameters(p.weights(), means, p.sds()).logLikelihood(data);
            means[k] -= 2 * h;
            double down = new NormalMixtureParameters(p.weights(), means, p.sds()).logLikelihood(data);
            // Newton's distance to the stationary point, gradient / curvature, is far below a standard error.
            double count = N * p.weights()[k];
            double curvature = count / (p.sds()[k] * p.sds()[k]);
            double standardError = p.sds()[k] / Math.sqrt(count);
            assertEquals(0, (up - down) / (2 * h) / curvature, 1e-3 * standardError, "d/d mean " + k);
            assertTrue(up < base && down < base, "mean " + k + " is not at a maximum");
        }
    }

    @Test
    void aStartThatEndsAtAWorseLocalMaximumIsReportedAsSuch() {
        // Two components inside the left cluster and one wide one for the other two: EM settles there.
        NormalMixtureParameters badStart = new NormalMixtureParameters(new double[] {0.25, 0.25, 0.5},
                new double[] {1.5, 2.5, 7.5}, new double[] {0.3, 0.3, 3});
        NormalMixtureParameters goodStart = new NormalMixtureParameters(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                new double[] {1, 6, 11}, new double[] {1, 1, 1});
        MixtureFit fit = new GaussianMixture(new ExpectationMaximization(5000, 1e-9)).fit(DATA, List.of(badStart, goodStart));
        EmResult<NormalMixtureParameters> stuck = fit.runs().get(0);
        assertTrue(stuck.converged(), "iterations " + stuck.iterations());
        assertTrue(stuck.logLikelihood() < fit.best().logLikelihood() - 100,
                "stuck at " + stuck.logLikelihood() + ", best " + fit.best().logLikelihood());
        assertEquals(1, fit.reachedBest());
        assertEquals(1, fit.worseLocalMaxima());
        assertEquals(RESTARTS.best().logLikelihood(), fit.best().logLikelihood(), 1e-4);
    }

    @Test
    void aComponentOnASinglePointIsReportedAsCollapsed() {
        double[] data = {0, 0, 0, 0, 1, 2, 3, 4, 5, 6};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MIXTURE.fit(data,
                new NormalMixtureParameters(new double[] {0.5, 0.5}, new double[] {0, 3}, new double[] {0.01, 2})));
        // A clear error naming the component, never a NaN estimate or a NaN log likelihood.
        assertTrue(e.getMessage().contains("component 1 collapsed onto a point"), e.getMessage());
    }

    @Test
    void underTheFraleyRafteryPriorTheSameStartStaysFiniteAndMaximizesTheLogPosterior() {
        double[] data = {0, 0, 0, 0, 1, 2, 3, 4, 5, 6};
        MixturePrior prior = MixturePrior.fraleyRaftery(data, 2).withDirichletConcentration(2);
        EmResult<NormalMixtureParameters> run = new GaussianMixture(new ExpectationMaximization(5000, 1e-14), prior)
                .fit(data, new NormalMixtureParameters(new double[] {0.5, 0.5}, new double[] {0, 3}, new double[] {0.01, 2}));
        assertTrue(run.converged());
        double[] trace = run.trace();
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-12 * Math.abs(trace[i - 1]), "iteration " + i);
        }
        NormalMixtureParameters p = run.parameters();
        // The floor the inverse-gamma keeps: sigma² >= Λ / (n_k + ν + 3) >= Λ / (n + ν + 3).
        assertTrue(p.sds()[0] * p.sds()[0] >= prior.scale()[0] / (data.length + prior.degreesOfFreedom() + 3), p.toString());
        double base = logPosterior(data, p, prior);
        assertEquals(base, run.logLikelihood(), 1e-9 * Math.abs(base));
        // Every coordinate moved either way lowers the log posterior, written out here independently of the M-step.
        double h = 1e-4;
        for (int k = 0; k < 2; k++) {
            for (double step : new double[] {h, -h}) {
                double[] means = p.means();
                means[k] += step;
                assertTrue(logPosterior(data, new NormalMixtureParameters(p.weights(), means, p.sds()), prior) < base);
                double[] sds = p.sds();
                sds[k] *= 1 + step;
                assertTrue(logPosterior(data, new NormalMixtureParameters(p.weights(), p.means(), sds), prior) < base);
                double[] weights = p.weights();
                weights[k] += step;
                weights[1 - k] -= step;
                assertTrue(logPosterior(data, new NormalMixtureParameters(weights, p.means(), p.sds()), prior) < base);
            }
        }
    }

    /** log L + Σ_k [(α - 1) log w_k - (ν + 3)/2 log σ_k² - Λ/(2σ_k²) - κ (μ_k - μ₀)²/(2σ_k²)]. */
    private static double logPosterior(double[] data, NormalMixtureParameters p, MixturePrior prior) {
        double sum = p.logLikelihood(data);
        for (int k = 0; k < p.components(); k++) {
            double variance = p.sds()[k] * p.sds()[k];
            double offset = p.means()[k] - prior.mean()[0];
            sum += (prior.dirichletConcentration() - 1) * Math.log(p.weights()[k])
                    - 0.5 * (prior.degreesOfFreedom() + 3) * Math.log(variance) - 0.5 * prior.scale()[0] / variance
                    - 0.5 * prior.meanShrinkage() * offset * offset / variance;
        }
        return sum;
    }

    @Test
    void withTenThousandPointsTheWeakPriorMovesTheEstimatesByFarLessThanAStandardError() {
        MixtureFit map = new GaussianMixture(new ExpectationMaximization(5000, 1e-12), MixturePrior.fraleyRaftery(DATA, 3))
                .fit(DATA, 3, 5, 7);
        NormalMixtureParameters p = map.best().parameters();
        NormalMixtureParameters ml = RESTARTS.best().parameters();
        for (int k = 0; k < 3; k++) {
            double standardError = ml.sds()[k] / Math.sqrt(N * ml.weights()[k]);
            assertEquals(ml.means()[k], p.means()[k], 0.1 * standardError, "mean " + k);
        }
        double[] responsibilities = GaussianMixture.responsibilities(DATA, p);
        assertEquals(3 * N, responsibilities.length);
        assertEquals(1, responsibilities[0] + responsibilities[1] + responsibilities[2], 1e-12);
    }
}
