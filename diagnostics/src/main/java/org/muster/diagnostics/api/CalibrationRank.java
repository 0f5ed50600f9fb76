package org.muster.diagnostics.api;

import java.util.random.RandomGenerator;

/**
 * The rank of a parameter's true value among posterior draws, for simulation-based calibration (Talts,
 * Betancourt, Simpson, Vehtari &amp; Gelman 2018, "Validating Bayesian inference algorithms with
 * simulation-based calibration", arXiv:1804.06788). If the draws come from the exact posterior of data
 * simulated with that true value, the rank is uniform on {@code 0 .. draws}. Immutable.
 *
 * <p>Markov chain draws are autocorrelated, which makes ranks pile up at the ends; the chains are thinned
 * first to about as many draws as their effective sample size ({@link #of}), as Talts et al. advise.
 *
 * @param rank how many kept draws are below the true value (ties split at random): 0 .. {@code draws}
 * @param draws how many draws were kept after thinning, so {@code draws + 1} ranks are possible
 * @param thin every {@code thin}-th draw of each chain was kept
 * @param fraction the randomized probability integral transform {@code (rank + V) / (draws + 1)} with V
 *     uniform on [0, 1): exactly uniform on [0, 1) when the rank is uniform, whatever {@code draws} is, so
 *     fits thinned differently can be tested together
 */
public record CalibrationRank(int rank, int draws, int thin, double fraction) {

    public CalibrationRank {
        if (draws < 1 || rank < 0 || rank > draws || thin < 1 || !(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("not a rank: rank " + rank + " of " + draws + " draws, thin " + thin
                    + ", fraction " + fraction);
        }
    }

    /**
     * The rank of {@code truth} among the chains thinned to about their effective sample size: every k-th
     * draw of each chain, k = ceil(S / ESS) for S draws in all, with ESS the smaller of the bulk and the
     * tail ESS (Vehtari et al. 2021) so that neither the centre nor the tails of the ranks are
     * autocorrelated. Constant chains (ESS undefined) are not thinned.
     *
     * @param chains {@code [chain][iteration]}, not modified; chains of equal length, finite values
     * @param random breaks ties and draws the fraction's V
     */
    public static CalibrationRank of(double truth, double[][] chains, RandomGenerator random) {
        int total = chains.length * chains[0].length;
        double ess = Math.min(Convergence.essBulk(chains), Convergence.essTail(chains));
        return of(truth, chains, thinning(total, ess), random);
    }

    /**
     * The rank of {@code truth} among every {@code thin}-th draw of each chain (draws {@code thin - 1},
     * {@code 2 thin - 1}, ...).
     *
     * @param chains {@code [chain][iteration]}, not modified
     * @param random breaks ties (a draw equal to the truth counts as below it with probability 1/2 in effect:
     *     the rank is uniform among the ranks the ties allow) and draws the fraction's V
     * @throws IllegalArgumentException if no draw is kept or the truth is not finite
     */
    public static CalibrationRank of(double truth, double[][] chains, int thin, RandomGenerator random) {
        if (!Double.isFinite(truth)) {
            throw new IllegalArgumentException("the true value must be finite, got " + truth);
        }
        if (thin < 1) {
            throw new IllegalArgumentException("thin must be at least 1, got " + thin);
        }
        int below = 0;
        int equal = 0;
        int kept = 0;
        for (double[] chain : chains) {
            for (int t = thin - 1; t < chain.length; t += thin) {
                kept++;
                if (chain[t] < truth) {
                    below++;
                } else if (chain[t] == truth) {
                    equal++;
                }
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no draw left after keeping every " + thin + "-th");
        }
        int rank = below + (equal == 0 ? 0 : random.nextInt(equal + 1));
        double fraction = (rank + random.nextDouble()) / (kept + 1.0);
        // (kept + 1 - ulp) / (kept + 1) can round up to 1
        return new CalibrationRank(rank, kept, thin, Math.min(fraction, Math.nextDown(1.0)));
    }

    /**
     * The thinning factor that leaves about {@code ess} of {@code draws} draws: {@code ceil(draws / ess)},
     * 1 when the ESS is undefined (NaN) or at least the number of draws.
     */
    public static int thinning(int draws, double ess) {
        if (!(ess > 0) || ess >= draws) {
            return 1;
        }
        return (int) Math.min(draws, Math.ceil(draws / ess));
    }
}
