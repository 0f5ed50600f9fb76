package org.muster.core.api.distributions;

import org.apache.commons.math3.special.Gamma;

/** Constants and numerically stable helpers shared by the kernels of this package. */
final class DensityMath {

    /** log(2π) / 2, the normalizing constant of the standard normal. */
    static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** log(π). */
    static final double LOG_PI = Math.log(Math.PI);

    /** log(2). */
    static final double LOG_TWO = Math.log(2);

    private DensityMath() {
    }

    /** Whether {@code x} is a finite whole number. */
    static boolean isInteger(double x) {
        return x == Math.rint(x) && !Double.isInfinite(x);
    }

    /** Whether {@code x} is finite and strictly positive. */
    static boolean isPositiveFinite(double x) {
        return x > 0 && x < Double.POSITIVE_INFINITY;
    }

    /** log(1 / (1 + exp(-x))), without overflow for large |x|. */
    static double logInverseLogit(double x) {
        // exp of a positive argument can overflow; choosing the branch keeps its argument <= 0.
        return x < 0 ? x - Math.log1p(Math.exp(x)) : -Math.log1p(Math.exp(-x));
    }

    /** 1 / (1 + exp(-x)), without overflow for large |x|. */
    static double inverseLogit(double x) {
        if (x < 0) {
            double e = Math.exp(x);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * log Γ(x) for x > 0 (NaN otherwise), to the accuracy of commons-math3's
     * {@code Gamma.logGamma}, whose branches it follows, but without allocating: commons reaches
     * {@code FastMath.log1p}, which allocates a scratch array, for every non-integer x ≤ 8.
     */
    static double logGamma(double x) {
        if (!(x > 0) || x > 8) {
            return Gamma.logGamma(x);
        }
        if (x < 0.5) {
            return logGamma1p(x) - Math.log(x);
        }
        if (x <= 2.5) {
            return logGamma1p((x - 0.5) - 0.5);
        }
        // Shift down into (1.5, 2.5] by the recurrence Γ(x) = (x - 1) Γ(x - 1).
        double product = 1;
        double shifted = x;
        while (shifted > 2.5) {
            shifted -= 1;
            product *= shifted;
        }
        return logGamma1p((shifted - 0.5) - 0.5) + Math.log(product);
    }

    /** log Γ(1 + x) for -0.5 ≤ x ≤ 1.5, accurate near the zeros of log Γ at 1 and 2. */
    private static double logGamma1p(double x) {
        return -Math.log1p(Gamma.invGamma1pm1(x));
    }

    /** log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b) for positive a and b. */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** Sets the four gradient entries to zero; used where the log density is -∞. */
    static double zeroGradient(double[] gradient) {
        gradient[0] = 0;
        gradient[1] = 0;
        gradient[2] = 0;
        gradient[3] = 0;
        return Double.NEGATIVE_INFINITY;
    }

    /** Writes the four gradient entries and returns {@code logDensity}, or zeros them if it is -∞. */
    static double setGradient(double[] gradient, double logDensity, double dx, double da, double db,
            double dc) {
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return zeroGradient(gradient);
        }
        gradient[0] = dx;
        gradient[1] = da;
        gradient[2] = db;
        gradient[3] = dc;
        return logDensity;
    }

    /** The exception {@code sample} throws for parameters outside their domain. */
    static IllegalArgumentException invalid(String distribution, double a, double b, double c) {
        return new IllegalArgumentException(
                "invalid " + distribution + " parameters (" + a + ", " + b + ", " + c + ")");
    }
}
