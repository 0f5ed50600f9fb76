package org.muster.diagnostics.api;

/**
 * When {@link Warnings} speaks up. The defaults follow Vehtari et al. (2021) and CmdStan: R-hat above
 * 1.01, bulk or tail ESS below 100 per chain, any divergent transition, E-BFMI below 0.3, any transition
 * at the maximum tree depth.
 *
 * @param rhat R-hat above this warns
 * @param essPerChain bulk or tail ESS below this many per chain warns
 * @param ebfmi a chain's E-BFMI below this warns
 */
public record WarningThresholds(double rhat, double essPerChain, double ebfmi) {

    /** R-hat 1.01, ESS 100 per chain, E-BFMI 0.3. */
    public static final WarningThresholds DEFAULT = new WarningThresholds(1.01, 100, 0.3);
}
