package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultivariateGaussianMixtureTest {

    static final double[] WEIGHTS = {0.3, 0.3, 0.4};
    static final double[][] MEANS = {{0, 0}, {6, 0}, {3, 6}};
    static final double[][][] COVARIANCES = {
        {{1, 0.6}, {0.6, 1}},
        {{0.5, -0.3}, {-0.3, 1.5}},
        {{2, 0.8}, {0.8, 0.7}}};
    static final int N = 6000;

    /** Three correlated 2-d clusters, n = 6000, seed 20261121; Box–Muller through each covariance's Cholesky factor. */
    static double[][] simulate() {
        SplittableRandom random = new SplittableRandom(20261121);
        double[][] data = new double[N][];
        for (int i = 0; i < N; i++) {
            double u = random.nextDouble();
            int k = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            double[][] s = COVARIANCES[k];
            double l11 = Math.sqrt(s[0][0]);
            double l21 = s[1][0] / l11;
            double l22 = Math.sqrt(s[1][1] - l21 * l21);
            double z1 = gaussian(random);
            double z2 = gaussian(random);
            data[i] = new double[] {MEANS[k][0] + l11 * z1, MEANS[k][1] + l21 * z1 + l22 * z2};
        }
        return data;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static final double[][] DATA = simulate();
    private static final MultivariateGaussianMixture ML = new MultivariateGaussianMixture(new ExpectationMaximization(2000, 1e-12));
    private static final MultivariateMixtureFit FIT = ML.fit(DATA, 3, 5, 3);

    /** The fitted component nearest to each true mean. */
    private static int[] matchComponents(MultivariateNormalMixtureParameters p) {
        int[] match = new int[3];
        for (int j = 0; j < 3; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                double[] m = p.mean(k);
                double distance = Math.hypot(m[0] - MEANS[j][0], m[1] - MEANS[j][1]);
                if (distance < best) {
                    best = distance;
                    match[j] = k;
                }
            }
        }
        return match;
    }

    @Test
    void recoversCorrelatedComponentsWithinSamplingError() {
        MultivariateNormalMixtureParameters p = FIT.best().parameters();
        assertTrue(FIT.best().converged());
        int[] match = matchComponents(p);
        assertEquals(3, java.util.Arrays.stream(match).distinct().count(), "each true component has its own fit");
        for (int j = 0; j < 3; j++) {
            int k = match[j];
            double count = N * WEIGHTS[j];
            double[][] s = COVARIANCES[j];
            // Four complete-data standard errors (the clusters barely overlap): Var(mean_a) = S_aa / n_k,
            // Var(S_ab) = (S_aa S_bb + S_ab²) / n_k for a normal sample covariance.
            assertEquals(WEIGHTS[j], p.weights()[k], 4 * Math.sqrt(WEIGHTS[j] * (1 - WEIGHTS[j]) / N), "weight " + j);
            for (int a = 0; a < 2; a++) {
                assertEquals(MEANS[j][a], p.mean(k)[a], 4 * Math.sqrt(s[a][a] / count), "mean " + j + "," + a);
                for (int b = 0; b < 2; b++) {
                    double se = Math.sqrt((s[a][a] * s[b][b] + s[a][b] * s[a][b]) / count);
                    assertEquals(s[a][b], p.covariance(k)[a][b], 4 * se, "covariance " + j + "," + a + b);
                }
            }
        }
    }

    @Test
    void tracesAreMonotoneAndResponsibilitiesAreProbabilities() {
        for (EmResult<MultivariateNormalMixtureParameters> run : FIT.runs()) {
            double[] trace = run.trace();
            for (int i = 1; i < trace.length; i++) {
                assertTrue(trace[i] >= trace[i - 1] - 1e-12 * Math.abs(trace[i - 1]), "iteration " + i);
            }
        }
        double[] r = FIT.responsibilities();
        assertEquals(N * 3, r.length);
        double[] counts = new double[3];
        for (int i = 0; i < N; i++) {
            assertEquals(1, r[3 * i] + r[3 * i + 1] + r[3 * i + 2], 1e-12);
            for (int k = 0; k < 3; k++) {
                counts[k] += r[3 * i + k];
            }
        }
        // At a fixed point of EM the weights are the average responsibilities.
        for (int k = 0; k < 3; k++) {
            assertEquals(FIT.best().parameters().weights()[k], counts[k] / N, 1e-6);
        }
        assertEquals(FIT.best().logLikelihood(), FIT.logLikelihood(), 1e-9 * Math.abs(FIT.logLikelihood()));
    }

    @Test
    void aRunStuckAtAWorseLocalMaximumIsCounted() {
        double[][] identity = {{1, 0}, {0, 1}};
        double[][] wide = {{9, 0}, {0, 9}};
        // Two components split the first cluster and one wide component covers the other two.
        MultivariateNormalMixtureParameters stuck = new MultivariateNormalMixtureParameters(new double[] {0.15, 0.15, 0.7},
                new double[][] {{-0.5, -0.5}, {0.5, 0.5}, {4.5, 3}}, new double[][][] {identity, identity, wide});
        MultivariateNormalMixtureParameters good = new MultivariateNormalMixtureParameters(new double[] {1 / 3.0, 1 / 3.0,
                1 / 3.0}, new double[][] {{1, 1}, {5, 1}, {3, 5}}, new double[][][] {identity, identity, identity});
        MultivariateMixtureFit fit = ML.fit(DATA, List.of(stuck, good));
        assertTrue(fit.runs().get(0).converged());
        assertTrue(fit.runs().get(0).logLikelihood() < fit.best().logLikelihood() - 100,
                fit.runs().get(0).logLikelihood() + " vs " + fit.best().logLikelihood());
        assertEquals(1, fit.reachedBest());
        assertEquals(1, fit.worseLocalMaxima());
        assertEquals(FIT.best().logLikelihood(), fit.best().logLikelihood(), 1e-6 * Math.abs(FIT.logLikelihood()));
    }

    /** 40 copies of (1, 1) among 200 standard-normal points: a component sitting on the copies collapses. */
    static double[][] repeatedPoint() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] data = new double[240][];
        for (int i = 0; i < data.length; i++) {
            data[i] = i < 40 ? new double[] {1, 1} : new double[] {gaussian(random), gaussian(random)};
        }
        return data;
    }

    private static final MultivariateNormalMixtureParameters ON_THE_COPIES = new MultivariateNormalMixtureParameters(
            new double[] {0.2, 0.8}, new double[][] {{1, 1}, {0, 0}},
            new double[][][] {{{0.01, 0}, {0, 0.01}}, {{1, 0}, {0, 1}}});

    @Test
    void maximumLikelihoodOnARepeatedPointIsAClearCollapseError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ML.fit(repeatedPoint(), ON_THE_COPIES));
        assertTrue(e.getMessage().contains("component 1 collapsed"), e.getMessage());
        assertTrue(e.getMessage().contains("prior"), e.getMessage());
    }

    @Test
    void aCollapsedRestartIsCountedAndLeftOut() {
        double[][] identity = {{1, 0}, {0, 1}};
        // A third component on one data point with a tiny covariance takes that point alone and collapses.
        MultivariateNormalMixtureParameters onePoint = new MultivariateNormalMixtureParameters(new double[] {0.45, 0.45,
                0.1}, new double[][] {{0, 0}, {5, 3}, DATA[0]}, new double[][][] {identity, identity, {{1e-8, 0}, {0, 1e-8}}});
        MultivariateNormalMixtureParameters good = new MultivariateNormalMixtureParameters(new double[] {1 / 3.0, 1 / 3.0,
                1 / 3.0}, new double[][] {{1, 1}, {5, 1}, {3, 5}}, new double[][][] {identity, identity, identity});
        MultivariateMixtureFit fit = ML.fit(DATA, List.of(onePoint, good));
        assertEquals(1, fit.collapsed());
        assertEquals(1, fit.runs().size());
        assertEquals(0, fit.worseLocalMaxima());
        assertTrue(Double.isFinite(fit.logLikelihood()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ML.fit(DATA, List.of(onePoint)));
        assertTrue(e.getMessage().startsWith("all 1 starts ended with a collapsed component"), e.getMessage());
        assertTrue(e.getMessage().contains("component 3 collapsed"), e.getMessage());
    }

    @Test
    void mapEmOnARepeatedPointStaysFiniteWithAMonotoneLogPosterior() {
        double[][] data = repeatedPoint();
        MixturePrior prior = MixturePrior.fraleyRaftery(data, 2);
        EmResult<MultivariateNormalMixtureParameters> run = new MultivariateGaussianMixture(
                new ExpectationMaximization(5000, 1e-12), prior).fit(data, ON_THE_COPIES);
        assertTrue(run.converged());
        double[] trace = run.trace();
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-12 * Math.abs(trace[i - 1]), "iteration " + i);
        }
        MultivariateNormalMixtureParameters p = run.parameters();
        double[][] spike = p.covariance(0);
        double determinant = spike[0][0] * spike[1][1] - spike[0][1] * spike[1][0];
        // The prior keeps the covariance at least Λ / (n_k + ν + d + 2) ⪰ Λ / (n + 8).
        double[] scale = prior.scale();
        double floor = (scale[0] * scale[3] - scale[1] * scale[2]) / Math.pow(data.length + 8, 2);
        assertTrue(determinant >= floor && Double.isFinite(determinant), "det " + determinant + " floor " + floor);
        assertTrue(Double.isFinite(run.logLikelihood()));
        // The objective is the log posterior: the log likelihood plus the prior terms.
        double logLikelihood = MultivariateGaussianMixture.logLikelihood(data, p);
        assertEquals(run.logLikelihood() - logLikelihood, p.logPriorDensity(prior), 1e-9 * Math.abs(logLikelihood));
    }

    @Test
    void theMapStepMaximizesTheLogPosterior() {
        double[][] data = repeatedPoint();
        MixturePrior prior = MixturePrior.fraleyRaftery(data, 2).withDirichletConcentration(2);
        MultivariateNormalMixtureParameters p = new MultivariateGaussianMixture(new ExpectationMaximization(5000, 1e-14),
                prior).fit(data, ON_THE_COPIES).parameters();
        double base = MultivariateGaussianMixture.logLikelihood(data, p) + p.logPriorDensity(prior);
        double h = 1e-4;
        for (int k = 0; k < 2; k++) {
            for (int a = 0; a < 2; a++) {
                for (double step : new double[] {h, -h}) {
                    double[][] means = {p.mean(0), p.mean(1)};
                    means[k][a] += step;
                    double[][][] covariances = {p.covariance(0), p.covariance(1)};
                    covariances[k][a][a] *= 1 + step;
                    MultivariateNormalMixtureParameters q = new MultivariateNormalMixtureParameters(p.weights(), means,
                            covariances);
                    double moved = MultivariateGaussianMixture.logLikelihood(data, q) + q.logPriorDensity(prior);
                    assertTrue(moved < base, "component " + k + " coordinate " + a + " step " + step);
                }
            }
        }
    }

    @Test
    void badRowsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ML.fit(new double[][] {{1, 2}, {3}, {4, 5}}, 2, 1, 1));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ML.fit(new double[][] {{1, 2}, {3, Double.NaN}, {4, 5}}, 2, 1, 1));
        assertTrue(e.getMessage().contains("row 2, column 2"), e.getMessage());
    }

    @Test
    void theSeedFixesTheFit() {
        MultivariateMixtureFit again = ML.fit(DATA, 3, 5, 3);
        assertEquals(FIT.best().logLikelihood(), again.best().logLikelihood(), 0);
        assertEquals(FIT.reachedBest(), again.reachedBest());
    }
}
