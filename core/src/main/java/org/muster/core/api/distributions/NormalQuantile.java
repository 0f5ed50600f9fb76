package org.muster.core.api.distributions;

/**
 * The standard normal distribution function, its logarithm and its inverse. The inverse is Wichura's
 * algorithm AS 241 (PPND16), "The percentage points of the normal distribution", Applied Statistics
 * 37(3), 477–484 (1988), accurate to about 1e-16; the distribution function goes through
 * {@code erfc} so that both tails keep their relative accuracy.
 */
public final class NormalQuantile {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private NormalQuantile() {
    }

    /** Φ(x), the standard normal distribution function. */
    public static double cdf(double x) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x * SQRT_HALF);
    }

    /** log Φ(x), accurate far into the lower tail (an asymptotic series below -20). */
    public static double logCdf(double x) {
        if (x > -20) {
            return Math.log(cdf(x));
        }
        // log Φ(x) = log φ(x) - log(-x) + log(1 - 1/x² + 3/x⁴ - 15/x⁶ + ...)
        double z = 1 / (x * x);
        double series = 1 - z * (1 - z * (3 - z * (15 - 105 * z)));
        return -0.5 * x * x - LOG_SQRT_TWO_PI - Math.log(-x) + Math.log(series);
    }

    /** The standard normal density φ(x). */
    public static double density(double x) {
        return Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI);
    }

    /** Φ⁻¹(p) for p in (0, 1); -inf at 0, +inf at 1, NaN outside [0, 1]. */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        double value;
        if (r <= 5) {
            r -= 1.6;
            value = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5;
            value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -value : value;
    }
}
