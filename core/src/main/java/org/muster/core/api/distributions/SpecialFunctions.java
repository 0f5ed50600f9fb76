package org.muster.core.api.distributions;

/**
 * The special functions the densities use, for code outside the kernels (plate-level density ops,
 * closed-form marginals): allocation-free log Γ, log B and digamma.
 */
public final class SpecialFunctions {

    private SpecialFunctions() {
    }

    /** log Γ(x) for x &gt; 0 (NaN otherwise). */
    public static double logGamma(double x) {
        return DensityMath.logGamma(x);
    }

    /** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for positive a and b. */
    public static double logBeta(double a, double b) {
        return DensityMath.logBeta(a, b);
    }

    /** The digamma function ψ(x) = d log Γ(x) / dx. */
    public static double digamma(double x) {
        return DensityMath.digamma(x);
    }

    /** log Γ(x + k) − log Γ(x) for x &gt; 0, k ≥ 0, accurate where both terms are large (x ≥ 8). */
    public static double logGammaDifference(double x, double k) {
        return DensityMath.logGammaDifference(x, k);
    }

    /** ψ(x + k) − ψ(x) for x &gt; 0, k ≥ 0, accurate where both terms are large (x ≥ 10). */
    public static double digammaDifference(double x, double k) {
        return DensityMath.digammaDifference(x, k);
    }

    /**
     * {@link #logGammaDifference} and {@link #digammaDifference} of (x, k) together, for less than the
     * cost of both.
     *
     * @param out modified: out[offset] the log-gamma difference, out[offset + 1] the digamma difference
     */
    public static void gammaDifferences(double x, double k, double[] out, int offset) {
        DensityMath.gammaDifferences(x, k, out, offset);
    }

    /**
     * log(1 + e) for e in [0, 1], to a log density's last bit and faster than {@code Math.log1p}: the
     * kernel's own helper, for plate-level ops that evaluate the same terms.
     */
    public static double log1pUnit(double e) {
        return DensityMath.log1pUnit(e);
    }
}
