package org.muster.core.api.distributions;

import org.apache.commons.math3.special.Gamma;

/**
 * log Γ without allocation. commons-math3's {@link Gamma#logGamma} allocates a scratch array on
 * every call with an argument up to 8 (through {@code FastMath.log1p}), which would make each log
 * density evaluation allocate; above 8 it does not, so smaller arguments are shifted there by
 * {@code Γ(x) = Γ(x + n) / (x (x+1) ... (x+n-1))}. The absolute error stays near 1e-15.
 */
final class AllocationFreeGamma {

    private static final double SHIFT_ABOVE = 8.0;

    private AllocationFreeGamma() {
    }

    /** log Γ(x) for x &gt; 0; NaN otherwise, as commons-math3. */
    static double logGamma(double x) {
        if (!(x > 0) || x > SHIFT_ABOVE) {
            return Gamma.logGamma(x);
        }
        double shifted = x;
        double product = 1.0;
        while (shifted <= SHIFT_ABOVE) {
            product *= shifted;
            shifted += 1.0;
        }
        return Gamma.logGamma(shifted) - Math.log(product);
    }
}
