package org.muster.core.api.distributions;

import java.util.random.RandomGenerator;

/**
 * A distribution of one scalar value with up to three scalar parameters {@code a, b, c} (unused ones
 * are ignored). Log densities are normalized (all constants included), so they can be compared with
 * other libraries and summed into a model's log density. Outside the support or for invalid
 * parameters (a non-positive scale, say) the log density is {@code Double.NEGATIVE_INFINITY}; it is
 * never NaN for finite arguments.
 *
 * <p>Vectorized use goes through {@link #logDensitySum}; the compiled graph loops over plate
 * members itself and calls the scalar methods, which allocate nothing.
 */
public non-sealed interface UnivariateDistribution extends DistributionKernel {

    /** The log density (or log mass) of {@code x}. */
    double logDensity(double x, double a, double b, double c);

    /**
     * The log density and its gradient.
     *
     * @param gradient modified: receives d/dx in [0], d/da in [1], d/db in [2], d/dc in [3]; entries
     *     for unused parameters, for a discrete value and for integer parameters (binomial trials)
     *     are set to 0. Length at least 4, owned by the caller.
     * @return the log density, as {@link #logDensity}
     */
    double logDensityGradient(double x, double a, double b, double c, double[] gradient);

    /** One random draw given the parameters. */
    double sample(RandomGenerator random, double a, double b, double c);

    /**
     * The summed log density over a plate, with scalar broadcasting: each array has either the
     * plate's length or length 1 (used for every member). Arrays are not modified; pass an array of
     * length 1 for unused parameters.
     */
    default double logDensitySum(double[] x, double[] a, double[] b, double[] c) {
        int n = Math.max(Math.max(x.length, a.length), Math.max(b.length, c.length));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += logDensity(x[x.length == 1 ? 0 : i], a[a.length == 1 ? 0 : i],
                    b[b.length == 1 ? 0 : i], c[c.length == 1 ? 0 : i]);
        }
        return sum;
    }
}
