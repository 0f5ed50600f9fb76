package org.muster.core.api.transforms;

/** Factory of the built-in transforms. */
public final class Transforms {

    private Transforms() {
    }

    /** The identity on unconstrained reals. */
    public static Transform discrete() {
        return Discrete.INSTANCE;
    }

    public static Transform identity() {
        return Identity.INSTANCE;
    }

    /**
     * Values above {@code lowerBound} through {@code lowerBound + exp(x)}; a bound of −∞ gives the
     * identity.
     *
     * @throws IllegalArgumentException for NaN or +∞
     */
    public static Transform lower(double lowerBound) {
        if (lowerBound == Double.NEGATIVE_INFINITY) {
            return Identity.INSTANCE;
        }
        return new HalfLine(lowerBound, true);
    }

    /**
     * Values below {@code upperBound} through {@code upperBound - exp(x)}; a bound of +∞ gives the
     * identity.
     *
     * @throws IllegalArgumentException for NaN or −∞
     */
    public static Transform upper(double upperBound) {
        if (upperBound == Double.POSITIVE_INFINITY) {
            return Identity.INSTANCE;
        }
        return new HalfLine(upperBound, false);
    }

    /**
     * Values in the open interval {@code (lower, upper)} through a scaled logistic; an infinite end
     * falls back to {@link #lower}, {@link #upper} or {@link #identity}, as in Stan.
     *
     * @throws IllegalArgumentException unless {@code lower < upper}
     */
    public static Transform interval(double lower, double upper) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException(
                    "interval needs lower < upper, got (" + lower + ", " + upper + ")");
        }
        boolean lowerInfinite = lower == Double.NEGATIVE_INFINITY;
        boolean upperInfinite = upper == Double.POSITIVE_INFINITY;
        if (lowerInfinite && upperInfinite) {
            return Identity.INSTANCE;
        }
        if (upperInfinite) {
            return new HalfLine(lower, true);
        }
        if (lowerInfinite) {
            return new HalfLine(upper, false);
        }
        return new Interval(lower, upper);
    }

    /** Stan's stick-breaking map onto the K-simplex ({@code K - 1} free coordinates). */
    public static Transform simplex() {
        return Simplex.INSTANCE;
    }

    /** Stan's map onto Cholesky factors of K × K correlation matrices ({@code K(K-1)/2} free coordinates). */
    public static Transform choleskyCorrelation() {
        return CholeskyCorrelation.INSTANCE;
    }
}
