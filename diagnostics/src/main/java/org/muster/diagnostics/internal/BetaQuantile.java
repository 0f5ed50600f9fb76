package org.muster.diagnostics.internal;

import org.apache.commons.math3.distribution.BetaDistribution;

/** Quantiles of beta distributions, for the Monte Carlo error of quantiles. */
public final class BetaQuantile {

    private static final double ACCURACY = 1e-14;

    private BetaQuantile() {
    }

    /** The p-quantile of Beta(alpha, beta); NaN if a parameter is NaN. */
    public static double of(double p, double alpha, double beta) {
        if (Double.isNaN(alpha) || Double.isNaN(beta) || Double.isNaN(p)) {
            return Double.NaN;
        }
        // no random generator: this distribution is only inverted, never sampled
        return new BetaDistribution(null, alpha, beta, ACCURACY).inverseCumulativeProbability(p);
    }
}
