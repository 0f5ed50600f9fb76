package org.muster.diagnostics.internal;

import org.apache.commons.math3.special.Erf;

/** The standard normal quantile function, accurate to a few units in the last place over (0, 1). */
public final class NormalQuantile {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    /** Below this tail probability, {@code 2p - 1} has lost digits and a Newton step restores them. */
    private static final double TAIL = 0.05;

    private NormalQuantile() {
    }

    /** The z with {@code Phi(z) = p}; infinite at 0 and 1, NaN outside [0, 1]. */
    public static double of(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        double z = SQRT2 * Erf.erfInv(2 * p - 1);
        double tail = Math.min(p, 1 - p);
        if (tail < TAIL && tail > 0) {
            // erfInv near +-1 works from 2p - 1, which has only an absolute precision of 1e-16; one Newton
            // step on the lower tail, whose cdf erfc evaluates to full relative precision, repairs it.
            double lower = -Math.abs(z);
            double density = Math.exp(-0.5 * lower * lower) / SQRT2PI;
            lower -= (0.5 * Erf.erfc(-lower / SQRT2) - tail) / density;
            z = p < 0.5 ? lower : -lower;
        }
        return z;
    }
}
