package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * Simulation-based calibration of Gibbs (Talts, Betancourt, Simpson, Vehtari &amp; Gelman 2018): draw
 * parameters from the prior, data from the model, fit, and rank the true value among thinned posterior
 * draws; if every update leaves its full conditional invariant, the ranks are uniform. The model, a
 * centered hierarchical normal, uses all three kinds of update: mu ~ N(0, 1) and theta_j ~ N(mu, tau)
 * are drawn in closed form (normal–normal), tau ~ N+(0, 1) is slice sampled; y_j ~ N(theta_j, 1), J = 5.
 */
@Tag("statistical")
class SimulationBasedCalibrationTest {

    private static final int REPLICATIONS = 200;
    private static final int UNITS = 5;
    private static final int THIN = 10;
    private static final int KEPT = 99;
    private static final int BINS = 10;

    private static Model model(double[] y) {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        Node tau = b.stochastic("tau", halfNormal(1));
        Node theta = b.stochastic("theta", UNITS, normal(mu, tau));
        b.observed("y", normal(theta, 1), y);
        return b.build();
    }

    @Test
    void ranksOfMuTauAndAThetaAreUniform() {
        assertEquals(List.of("mu: conjugate normal-normal given theta",
                "tau: slice sampling on the unconstrained scale (stepping out, shrinkage)",
                "theta: conjugate normal-normal given y (all 5 members in one draw)"),
                new GibbsProvider().explain(model(new double[UNITS]), MethodOptions.empty()));
        SplittableRandom random = new SplittableRandom(20181102);
        String[] names = {"mu", "tau", "theta[1]"};
        int[][] counts = new int[names.length][BINS];
        for (int r = 0; r < REPLICATIONS; r++) {
            double mu = random.nextGaussian();
            double tau = Math.abs(random.nextGaussian());
            double[] theta = new double[UNITS];
            double[] y = new double[UNITS];
            for (int j = 0; j < UNITS; j++) {
                theta[j] = mu + tau * random.nextGaussian();
                y[j] = theta[j] + random.nextGaussian();
            }
            PosteriorDraws fit = (PosteriorDraws) new GibbsProvider().create(MethodOptions.empty()).fit(model(y),
                    RunConfig.builder().chains(1).warmup(500).draws(THIN * KEPT).seed(r + 1L).build(), FitListener.NONE);
            Draws draws = fit.draws();
            double[] truth = {mu, tau, theta[0]};
            for (int k = 0; k < names.length; k++) {
                counts[k][bin(draws.chain(0, draws.indexOf(names[k])), truth[k])]++;
            }
        }
        ChiSquaredDistribution chiSquared = new ChiSquaredDistribution(BINS - 1);
        for (int k = 0; k < names.length; k++) {
            double expected = (double) REPLICATIONS / BINS;
            double statistic = 0;
            for (int count : counts[k]) {
                statistic += (count - expected) * (count - expected) / expected;
            }
            double p = 1 - chiSquared.cumulativeProbability(statistic);
            assertTrue(p > 0.001, names[k] + ": rank histogram " + java.util.Arrays.toString(counts[k]) + ", chi-square "
                    + statistic + ", p = " + p);
        }
    }

    /** The bin of the rank of {@code truth} among every THIN-th draw (ranks 0..KEPT, KEPT + 1 values). */
    private static int bin(double[] draws, double truth) {
        int rank = 0;
        for (int i = THIN - 1; i < draws.length; i += THIN) {
            if (draws[i] < truth) {
                rank++;
            }
        }
        return rank * BINS / (KEPT + 1);
    }
}
