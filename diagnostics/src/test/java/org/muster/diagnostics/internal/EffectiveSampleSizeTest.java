package org.muster.diagnostics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EffectiveSampleSizeTest {

    @Test
    void directLagsAndFftGiveTheSameEss() {
        for (double rho : new double[] {0, 0.3, 0.9, 0.99}) {
            double[][] chains = AutocovarianceTest.autoregressive(8, 500, rho, 7);
            double fftOnly = EffectiveSampleSize.of(chains, 0);
            double directOnly = EffectiveSampleSize.of(chains, 500);
            double hybrid = EffectiveSampleSize.of(chains);
            assertEquals(fftOnly, directOnly, 1e-10 * fftOnly, "rho " + rho);
            assertEquals(fftOnly, hybrid, 1e-10 * fftOnly, "rho " + rho);
        }
    }

    @Test
    void essOfAutoregressiveChainsIsNearTheTheory() {
        // AR(1) with coefficient rho: ESS = S (1 - rho) / (1 + rho); Geyer's estimate is within ~10% here
        double[][] chains = AutocovarianceTest.autoregressive(4, 20_000, 0.8, 3);
        double expected = 80_000 * 0.2 / 1.8;
        double ess = EffectiveSampleSize.of(chains);
        assertTrue(Math.abs(ess - expected) < 0.1 * expected, ess + " vs " + expected);
    }

    @Test
    void essIsCappedAtSLog10S() {
        // antithetic chains, AR(1) with coefficient -0.7: the theoretical ESS, 5.7 S, is above S log10 S
        double[][] chains = AutocovarianceTest.autoregressive(2, 1000, -0.7, 11);
        assertEquals(2000 * Math.log10(2000), EffectiveSampleSize.of(chains), 1e-9);
    }

    @Test
    void withNoPairOfLagsAcceptedTauIsTwoAsInPosterior() {
        // lag-1 autocorrelation -1: the first pair sum is 0, Geyer's loop stops at once and R's
        // rho_hat_t[1:0] sums the lag-0 term, so tau = -1 + 2 * 1 + 1 = 2
        double[][] chains = new double[2][100];
        for (double[] chain : chains) {
            for (int i = 0; i < chain.length; i++) {
                chain[i] = i % 2 == 0 ? 1 : -1;
            }
        }
        assertEquals(100, EffectiveSampleSize.of(chains), 1e-9);
    }

    @Test
    void undefinedForConstantDrawsAndVeryShortChains() {
        assertTrue(Double.isNaN(EffectiveSampleSize.of(new double[][] {{2, 2, 2, 2}, {2, 2, 2, 2}})));
        assertTrue(Double.isNaN(EffectiveSampleSize.of(new double[][] {{1, 2}, {3, 4}})));
        assertTrue(Double.isNaN(EffectiveSampleSize.potentialScaleReduction(new double[][] {{5, 5}, {5, 5}})));
    }

    @Test
    void potentialScaleReductionByHand() {
        // chain means 2.5 and 6.5, within-chain variances 5/3; B = 4 * var(2.5, 6.5) = 32, W = 5/3
        // R-hat = sqrt((B / W + n - 1) / n) = sqrt((19.2 + 3) / 4)
        double rhat = EffectiveSampleSize.potentialScaleReduction(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        assertEquals(Math.sqrt(22.2 / 4), rhat, 1e-14);
    }
}
