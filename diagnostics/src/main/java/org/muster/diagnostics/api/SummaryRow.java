package org.muster.diagnostics.api;

/**
 * Posterior summary and convergence diagnostics of one scalar variable over all chains, as the R package
 * {@code posterior} (1.4.0) computes them; see {@link Summaries}.
 *
 * @param variable name such as {@code theta[1]}
 * @param mean posterior mean
 * @param sd posterior standard deviation (n - 1 denominator)
 * @param q5 5% quantile (R type 7)
 * @param q50 median
 * @param q95 95% quantile
 * @param mcseMean Monte Carlo standard error of the mean
 * @param mcseSd Monte Carlo standard error of the sd
 * @param mcseQ5 Monte Carlo standard error of the 5% quantile
 * @param mcseQ95 Monte Carlo standard error of the 95% quantile
 * @param rhat rank-normalized split R-hat, the larger of the bulk and the folded (tail) one
 * @param rhatBasic split R-hat of the draws as they are (no ranks)
 * @param essBulk bulk effective sample size (rank-normalized split chains)
 * @param essTail tail effective sample size (the smaller of the 5% and 95% quantiles' ESS)
 * @param essMean effective sample size of the mean (split chains, no ranks; posterior's ess_basic too)
 */
public record SummaryRow(String variable, double mean, double sd, double q5, double q50, double q95,
        double mcseMean, double mcseSd, double mcseQ5, double mcseQ95, double rhat, double rhatBasic,
        double essBulk, double essTail, double essMean) {

    /**
     * Whether every draw in every chain is the same value ({@code sd} exactly 0, as {@link Summaries}
     * reports it for such a variable): its R-hat and ESS are NaN (NA in posterior) by definition, not a
     * sign of trouble.
     */
    public boolean constant() {
        return sd == 0;
    }
}
