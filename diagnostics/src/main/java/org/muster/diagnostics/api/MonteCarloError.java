package org.muster.diagnostics.api;

import org.muster.diagnostics.internal.VariableDiagnostics;

/**
 * Monte Carlo standard errors (MCSE) of posterior summaries from Markov chains, as the R package
 * {@code posterior} 1.4.0 computes them (Vehtari et al. 2021). Draws are {@code [chain][iteration]},
 * not modified; chains of unequal length and non-finite draws are rejected as in {@link Convergence}.
 */
public final class MonteCarloError {

    private MonteCarloError() {
    }

    /** MCSE of the mean: the sd divided by the square root of the ESS of the mean. */
    public static double mean(double[][] chains) {
        return new VariableDiagnostics(null, chains, null).mcseMean();
    }

    /**
     * MCSE of the standard deviation: the variance of the variance estimate without assuming normality
     * (Kenney &amp; Keeping 1951), with the ESS of the squared deviations, carried to the sd by a first-order
     * Taylor expansion.
     */
    public static double sd(double[][] chains) {
        return new VariableDiagnostics(null, chains, null).mcseSd();
    }

    /**
     * MCSE of the p-quantile: half the distance between the order statistics at the 16% and 84% points of
     * the Beta(ESS p + 1, ESS (1 - p) + 1) distribution of the quantile's rank (Vehtari et al. 2021, sec. 4.3).
     */
    public static double quantile(double[][] chains, double p) {
        Convergence.requireProbability(p);
        VariableDiagnostics diagnostics = new VariableDiagnostics(null, chains, null);
        return diagnostics.mcseQuantile(p, diagnostics.essQuantile(p));
    }
}
