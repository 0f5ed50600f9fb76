package org.muster.diagnostics.api;

import org.muster.diagnostics.internal.ChainArrays;
import org.muster.diagnostics.internal.EffectiveSampleSize;
import org.muster.diagnostics.internal.VariableDiagnostics;

/**
 * Convergence diagnostics of one scalar quantity's Markov chains: R-hat and effective sample sizes
 * (ESS) following Vehtari, Gelman, Simpson, Carpenter &amp; Bürkner (2021), "Rank-normalization,
 * folding, and localization: an improved R-hat for assessing convergence of MCMC", Bayesian Analysis
 * 16(2), 667–718, computed as the R package {@code posterior} 1.4.0 does.
 *
 * <p>Every method takes draws as {@code [chain][iteration]}, does not modify them, and rejects chains of
 * unequal length or non-finite draws with an {@link IllegalArgumentException} naming chain and draw.
 * Chains are split in halves (the middle draw of an odd-length chain is left out), so one chain works.
 * Where a diagnostic is undefined (all draws equal, or fewer than 3 draws per half-chain for an ESS) the
 * result is NaN. Autocovariances at long lags come from an FFT, so an ESS costs at most O(n log n) per
 * chain. To summarize many variables at once, {@link Summaries} shares work between the diagnostics.
 */
public final class Convergence {

    private Convergence() {
    }

    /** Rank-normalized split R-hat: the larger of the bulk R-hat and the R-hat of draws folded about the median. */
    public static double rhat(double[][] chains) {
        return new VariableDiagnostics(null, chains, null).rhat();
    }

    /** Split R-hat of the draws as they are (Gelman et al., BDA3, with split chains): sensitive to heavy tails. */
    public static double rhatBasic(double[][] chains) {
        ChainArrays.requireValid(null, chains);
        return EffectiveSampleSize.potentialScaleReduction(ChainArrays.split(chains));
    }

    /** Bulk ESS: the ESS of rank-normalized split chains, for the efficiency of location summaries. */
    public static double essBulk(double[][] chains) {
        return new VariableDiagnostics(null, chains, null).essBulk();
    }

    /** Tail ESS: the smaller of the ESS of the 5% and the 95% quantile. */
    public static double essTail(double[][] chains) {
        return new VariableDiagnostics(null, chains, null).essTail();
    }

    /** The ESS of the p-quantile: the ESS of the indicator of draws at most the sample quantile. */
    public static double essQuantile(double[][] chains, double p) {
        requireProbability(p);
        return new VariableDiagnostics(null, chains, null).essQuantile(p);
    }

    /** The ESS of the mean: split chains, no ranks (posterior's {@code ess_mean}, and {@code ess_basic}). */
    public static double essMean(double[][] chains) {
        ChainArrays.requireValid(null, chains);
        return EffectiveSampleSize.of(ChainArrays.split(chains));
    }

    /**
     * The ESS of chains as given, without splitting or ranks: autocorrelations combined across chains
     * (BDA3, eq. 11.7), Geyer's initial monotone sequence, capped at {@code S log10 S} for {@code S} draws
     * as posterior does.
     */
    public static double effectiveSampleSize(double[][] chains) {
        ChainArrays.requireValid(null, chains);
        return EffectiveSampleSize.of(chains);
    }

    /** R-hat of chains as given, without splitting or ranks (BDA3, eq. 11.4). */
    public static double potentialScaleReduction(double[][] chains) {
        ChainArrays.requireValid(null, chains);
        return EffectiveSampleSize.potentialScaleReduction(chains);
    }

    static void requireProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
    }
}
