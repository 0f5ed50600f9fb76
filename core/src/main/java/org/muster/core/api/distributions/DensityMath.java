package org.muster.core.api.distributions;

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
