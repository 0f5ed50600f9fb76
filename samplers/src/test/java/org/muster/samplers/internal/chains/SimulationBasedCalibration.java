package org.muster.samplers.internal.chains;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari &amp; Gelman 2018) of a sampler on a
 * small hierarchical normal: draw parameters from the prior, data from the model, fit, and rank the true
 * value among thinned posterior draws. If the sampler is right, the ranks are uniform (chi-square test
 * over 10 bins, p &gt; 0.001). The model: mu ~ N(0, 1), tau ~ N+(0, 1), theta_j = mu + tau z_j with
 * z_j ~ N(0, 1), y_j ~ N(theta_j, 1), J = 5; 200 replications, 99 kept draws each.
 */
public final class SimulationBasedCalibration {

    private static final int REPLICATIONS = 200;
    private static final int UNITS = 5;
    private static final int KEPT = 99;
    private static final int BINS = 10;

    private SimulationBasedCalibration() {
    }

    /**
     * Asserts that the ranks of mu and tau are uniform.
     *
     * @param thin keep every thin-th draw (more for samplers whose draws are more autocorrelated)
     */
    public static void assertRanksOfMuAndTauAreUniform(InferenceMethodProvider provider, int warmup, int thin) {
        SplittableRandom random = new SplittableRandom(20181102);
        int[][] counts = new int[2][BINS];
        for (int r = 0; r < REPLICATIONS; r++) {
            double mu = random.nextGaussian();
            double tau = Math.abs(random.nextGaussian());
            double[] y = new double[UNITS];
            for (int j = 0; j < UNITS; j++) {
                y[j] = mu + tau * random.nextGaussian() + random.nextGaussian();
            }
            ModelBuilder b = Model.builder();
            Node muNode = b.stochastic("mu", normal(0, 1));
            Node tauNode = b.stochastic("tau", halfNormal(1));
            Node z = b.stochastic("z", UNITS, normal(0, 1));
            b.observed("y", normal(muNode.plus(tauNode.times(z)), 1), y);
            PosteriorDraws fit = (PosteriorDraws) provider.create(MethodOptions.of(Map.of())).fit(b.build(),
                    RunConfig.builder().chains(1).warmup(warmup).draws(thin * KEPT).seed(r + 1L).build(),
                    FitListener.NONE);
            Draws draws = fit.draws();
            counts[0][bin(draws.chain(0, draws.indexOf("mu")), mu, thin)]++;
            counts[1][bin(draws.chain(0, draws.indexOf("tau")), tau, thin)]++;
        }
        ChiSquaredDistribution chiSquared = new ChiSquaredDistribution(BINS - 1);
        String[] names = {"mu", "tau"};
        for (int k = 0; k < 2; k++) {
            double expected = (double) REPLICATIONS / BINS;
            double statistic = 0;
            for (int count : counts[k]) {
                statistic += (count - expected) * (count - expected) / expected;
            }
            double p = 1 - chiSquared.cumulativeProbability(statistic);
            assertTrue(p > 0.001, provider.id() + ", " + names[k] + ": rank histogram " + Arrays.toString(counts[k])
                    + ", chi-square " + statistic + ", p = " + p);
        }
    }

    /** The bin of the rank of {@code truth} among every thin-th draw (ranks 0..KEPT, KEPT + 1 values). */
    private static int bin(double[] draws, double truth, int thin) {
        int rank = 0;
        for (int i = thin - 1; i < draws.length; i += thin) {
            if (draws[i] < truth) {
                rank++;
            }
        }
        return rank * BINS / (KEPT + 1);
    }
}
