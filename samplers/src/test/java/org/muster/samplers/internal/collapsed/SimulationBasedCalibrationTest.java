package org.muster.samplers.internal.collapsed;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.lkjCorrCholesky;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Expressions.square;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Expressions;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.distributions.RandomVariates;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari &amp; Gelman 2018) of {@code collapsed}
 * on each of the four layer shapes: parameters drawn from the prior, data from the model, a fit, and the
 * rank of each true value among 99 thinned posterior draws; over 200 simulated datasets the ranks of every
 * hyperparameter and of a unit are uniform (chi-square over 10 bins, p &gt; 0.01). One chain of 300
 * warmup and 99 x 3 draws per dataset, two datasets at a time; seeds fixed.
 */
@Tag("statistical")
class SimulationBasedCalibrationTest {

    private static final int REPLICATIONS = 200;
    private static final int KEPT = 99;
    private static final int THIN = 3;
    private static final int BINS = 10;

    /** One simulated dataset: the model built on it and the true values of the ranked variables. */
    private record Simulation(Model model, Map<String, Double> truth) {
    }

    @FunctionalInterface
    private interface Simulator {
        Simulation simulate(SplittableRandom random);
    }

    private static void assertCalibrated(String shape, Simulator simulator) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, int[]> counts = new LinkedHashMap<>();
        try {
            List<Future<Map<String, Integer>>> ranks = new ArrayList<>();
            for (int r = 0; r < REPLICATIONS; r++) {
                long seed = 20261205L + r;
                ranks.add(pool.submit(() -> {
                    Simulation simulation = simulator.simulate(new SplittableRandom(seed));
                    PosteriorDraws fit = (PosteriorDraws) new CollapsedProvider().create(MethodOptions.empty()).fit(
                            simulation.model(), RunConfig.builder().chains(1).warmup(300).draws(THIN * KEPT).seed(seed)
                                    .build(), FitListener.NONE);
                    Map<String, Integer> out = new LinkedHashMap<>();
                    Draws draws = fit.draws();
                    simulation.truth().forEach((name, truth) -> {
                        double[] values = draws.chain(0, draws.indexOf(name));
                        int rank = 0;
                        for (int i = THIN - 1; i < values.length; i += THIN) {
                            rank += values[i] < truth ? 1 : 0;
                        }
                        out.put(name, rank);
                    });
                    return out;
                }));
            }
            for (Future<Map<String, Integer>> rank : ranks) {
                rank.get().forEach((name, value) -> counts.computeIfAbsent(name, n -> new int[BINS])[value * BINS / (KEPT + 1)]++);
            }
        } finally {
            pool.shutdownNow();
        }
        ChiSquaredDistribution chiSquared = new ChiSquaredDistribution(BINS - 1);
        List<String> failures = new ArrayList<>();
        counts.forEach((name, histogram) -> {
            double expected = (double) REPLICATIONS / BINS;
            double statistic = 0;
            for (int count : histogram) {
                statistic += (count - expected) * (count - expected) / expected;
            }
            double p = 1 - chiSquared.cumulativeProbability(statistic);
            if (!(p > 0.01)) {
                failures.add(shape + ", " + name + ": rank histogram " + Arrays.toString(histogram) + ", p = " + p);
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** mean ~ Beta(2, 2), concentration ~ Gamma(2, 0.2), theta_j ~ Beta, y_j ~ Binomial(20, theta_j), J = 5. */
    @Test
    void betaBinomial() throws Exception {
        assertCalibrated("beta-binomial", random -> {
            double mean = RandomVariates.beta(random, 2, 2);
            double concentration = RandomVariates.gamma(random, 2) / 0.2;
            int units = 5;
            int[] y = new int[units];
            double theta1 = 0;
            for (int j = 0; j < units; j++) {
                double theta = RandomVariates.beta(random, mean * concentration, (1 - mean) * concentration);
                theta1 = j == 0 ? theta : theta1;
                y[j] = RandomVariates.binomial(random, 20, theta);
            }
            ModelBuilder b = Model.builder();
            Node meanNode = b.stochastic("mean", beta(2, 2));
            Node concentrationNode = b.stochastic("concentration", gamma(2, 0.2));
            Node theta = b.stochastic("theta", units, beta(meanNode.times(concentrationNode),
                    meanNode.negate().plus(1.0).times(concentrationNode)));
            b.observed("y", binomial(b.data("n", new double[] {20, 20, 20, 20, 20}), theta), y);
            return new Simulation(b.build(), Map.of("mean", mean, "concentration", concentration, "theta[1]", theta1));
        });
    }

    /** mu ~ Gamma(4, 1), sigma ~ Gamma(4, 2), lambda_j ~ Gamma with mean mu and sd sigma, k_j ~ Poisson(e_j lambda_j). */
    @Test
    void gammaPoissonWithExposures() throws Exception {
        double[] exposures = {0.5, 1.0, 1.5, 2.0, 0.8, 1.2};
        assertCalibrated("gamma-poisson", random -> {
            double mu = RandomVariates.gamma(random, 4);
            double sigma = RandomVariates.gamma(random, 4) / 2;
            int[] counts = new int[exposures.length];
            double lambda1 = 0;
            for (int j = 0; j < exposures.length; j++) {
                double lambda = RandomVariates.gamma(random, (mu / sigma) * (mu / sigma)) * sigma * sigma / mu;
                lambda1 = j == 0 ? lambda : lambda1;
                counts[j] = (int) RandomVariates.poisson(random, exposures[j] * lambda);
            }
            ModelBuilder b = Model.builder();
            Node muNode = b.stochastic("mu", gamma(4, 1));
            Node sigmaNode = b.stochastic("sigma", gamma(4, 2));
            Node lambda = b.stochastic("lambda", exposures.length, gamma(square(muNode.div(sigmaNode)),
                    muNode.div(square(sigmaNode))));
            b.observed("k", poisson(b.data("e", exposures).times(lambda)), counts);
            return new Simulation(b.build(), Map.of("mu", mu, "sigma", sigma, "lambda[1]", lambda1));
        });
    }

    /** mu ~ N(0, 5), tau ~ N+(0, 5), theta = mu + tau z, y_j ~ N(theta_j, sigma_j) with known sigma_j, J = 8. */
    @Test
    void normalNormalWithKnownScales() throws Exception {
        double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
        assertCalibrated("normal-normal", random -> {
            double mu = 5 * random.nextGaussian();
            double tau = Math.abs(5 * random.nextGaussian());
            double[] y = new double[sigma.length];
            double theta1 = 0;
            for (int j = 0; j < sigma.length; j++) {
                double theta = mu + tau * random.nextGaussian();
                theta1 = j == 0 ? theta : theta1;
                y[j] = theta + sigma[j] * random.nextGaussian();
            }
            ModelBuilder b = Model.builder();
            Node muNode = b.stochastic("mu", normal(0, 5));
            Node tauNode = b.stochastic("tau", halfNormal(5));
            Node z = b.stochastic("z", sigma.length, normal(0, 1));
            Node theta = b.deterministic("theta", muNode.plus(tauNode.times(z)));
            b.observed("y", normal(theta, b.data("sigma", sigma)), y);
            return new Simulation(b.build(), Map.of("mu", mu, "tau", tau, "theta[1]", theta1));
        });
    }

    /**
     * y ~ b0 + b1 x + (1 + x | g), gaussian, 6 groups of 5 rows: b0 ~ N(0, 2), b1 ~ N(0, 1), the sds and sigma
     * ~ N+(0, 1), the 2 x 2 correlation ~ LKJ(2) (so (rho + 1) / 2 ~ Beta(2, 2)).
     */
    @Test
    void linearMixedModel() throws Exception {
        int levels = 6;
        int per = 5;
        int n = levels * per;
        int[] group = new int[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            group[i] = i / per;
            x[i] = (i % per) - 2 + 0.3 * (i / per % 2);
        }
        assertCalibrated("linear mixed model", random -> {
            double b0 = 2 * random.nextGaussian();
            double b1 = random.nextGaussian();
            double sd1 = Math.abs(random.nextGaussian());
            double sd2 = Math.abs(random.nextGaussian());
            double rho = 2 * RandomVariates.beta(random, 2, 2) - 1;
            double sigma = Math.abs(random.nextGaussian());
            double[] intercept = new double[levels];
            double[] slope = new double[levels];
            for (int g = 0; g < levels; g++) {
                double z1 = random.nextGaussian();
                double z2 = random.nextGaussian();
                intercept[g] = sd1 * z1;
                slope[g] = sd2 * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = b0 + b1 * x[i] + intercept[group[i]] + slope[group[i]] * x[i] + sigma * random.nextGaussian();
            }
            ModelBuilder b = Model.builder();
            Node b0Node = b.stochastic("b0", normal(0, 2));
            Node b1Node = b.stochastic("b1", normal(0, 1));
            Node sd1Node = b.stochastic("sd1", halfNormal(1));
            Node sd2Node = b.stochastic("sd2", halfNormal(1));
            Node cholesky = b.stochastic("L", 4, lkjCorrCholesky(2));
            Node z = b.stochastic("z", 2 * levels, normal(0, 1));
            Node sigmaNode = b.stochastic("sigma", halfNormal(1));
            int[] first = new int[levels];
            int[] second = new int[levels];
            for (int g = 0; g < levels; g++) {
                first[g] = g;
                second[g] = levels + g;
            }
            Node z1 = z.at(first);
            Node z2 = z.at(second);
            Node l10 = Expressions.sum(cholesky.at(new int[] {2}));
            Node l11 = Expressions.sum(cholesky.at(new int[] {3}));
            Node intercepts = b.deterministic("r_intercept", sd1Node.times(z1));
            Node slopes = b.deterministic("r_slope", sd2Node.times(l10.times(z1).plus(l11.times(z2))));
            b.deterministic("rho", l10.times(1.0));
            Node xNode = b.data("x", x);
            Node eta = b0Node.plus(b1Node.times(xNode)).plus(intercepts.at(group)).plus(slopes.at(group).times(xNode));
            b.observed("y", normal(eta, sigmaNode), y);
            return new Simulation(b.build(), Map.of("b0", b0, "b1", b1, "sd1", sd1, "sd2", sd2, "rho", rho, "sigma",
                    sigma, "r_intercept[1]", intercept[0], "r_slope[1]", slope[0]));
        });
    }
}
