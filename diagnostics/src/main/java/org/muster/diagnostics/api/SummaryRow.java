package org.muster.diagnostics.api;

/**
 * Posterior summary of one scalar variable over all chains.
 *
 * @param variable name such as {@code theta[1]}
 * @param mean posterior mean
 * @param sd posterior standard deviation (n - 1 denominator)
 * @param q5 5% quantile (type 7)
 * @param q50 median
 * @param q95 95% quantile
 */
public record SummaryRow(String variable, double mean, double sd, double q5, double q50, double q95) {
}
