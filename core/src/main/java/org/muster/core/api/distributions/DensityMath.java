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
        return x < 0 ? x - log1pUnit(Math.exp(x)) : -log1pUnit(Math.exp(-x));
    }

    /**
     * log(1 + e) for e in [0, 1], faster than {@code Math.log1p} (a StrictMath port on JDK 17): a series
     * below 1e-4 (error below e^5 / 5 &lt; 2e-21), else {@code Math.log(1 + e)}, whose absolute error,
     * about 1.1e-16, is that of a log density's last bit.
     */
    static double log1pUnit(double e) {
        if (e < 1e-4) {
            return e * (1 - e * (0.5 - e * (1.0 / 3 - e * 0.25)));
        }
        return Math.log(1 + e);
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
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            return Gamma.logGamma(x);
        }
        if (x <= INTEGER_TABLE_SIZE && x == (int) x) {
            // Counts (binomial and Poisson normalizing constants) hit whole numbers most of the time.
            return LOG_GAMMA_OF_INTEGER[(int) x];
        }
        if (x > 8) {
            return stirling(x);
        }
        return logGammaUpTo8(x);
    }

    private static final int INTEGER_TABLE_SIZE = 4096;

    /** log Γ(k) for k = 1 .. {@link #INTEGER_TABLE_SIZE}, computed once by the same formulas. */
    private static final double[] LOG_GAMMA_OF_INTEGER = new double[INTEGER_TABLE_SIZE + 1];

    static {
        LOG_GAMMA_OF_INTEGER[0] = Double.NaN;
        for (int k = 1; k <= INTEGER_TABLE_SIZE; k++) {
            LOG_GAMMA_OF_INTEGER[k] = k > 8 ? stirling(k) : logGammaUpTo8(k);
        }
    }

    /** log Γ(x) for 0 < x ≤ 8. */
    private static double logGammaUpTo8(double x) {
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

    /**
     * log Γ(x) for x > 8 by Stirling's series (x − ½) ln x − x + ½ ln 2π + Σ B₂ₖ / (2k(2k − 1) x²ᵏ⁻¹)
     * through B₁₆: the first omitted term is below 1e-16 at x = 8. commons-math3 spends most of its time
     * here in {@code FastMath.log}; {@code Math.log} is an intrinsic.
     */
    private static double stirling(double x) {
        double inverse = 1 / x;
        double f = inverse * inverse;
        double series = inverse * (1.0 / 12 - f * (1.0 / 360 - f * (1.0 / 1260 - f * (1.0 / 1680 - f * (1.0 / 1188
                - f * (691.0 / 360360 - f * (1.0 / 156 - f * (3617.0 / 122400))))))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
    }

    /** log Γ(1 + x) for -0.5 ≤ x ≤ 1.5, accurate near the zeros of log Γ at 1 and 2. */
    private static double logGamma1p(double x) {
        return -Math.log1p(Gamma.invGamma1pm1(x));
    }

    /**
     * The digamma function ψ(x) = d log Γ(x) / dx. For x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x
     * lifts x to at least 10, where the asymptotic series ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ) through
     * B₁₂ is accurate to about 1e-16 (the first omitted term is below 1e-15 · x⁻²). commons-math3's
     * {@code digamma} recurses one step at a time up to 49, several times slower, on the gradient's
     * hot path. Other x (zero, negative, NaN, infinite) go to commons-math3.
     */
    static double digamma(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            return Gamma.digamma(x);
        }
        double shift = 0;
        while (x < 10) {
            shift += 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        double series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132
                - f * (691.0 / 32760))))));
        return Math.log(x) - 0.5 / x - series - shift;
    }

    /**
     * log Γ(x + k) - log Γ(x) for x &gt; 0 and k ≥ 0 without the cancellation of the plain difference at
     * large x: x is first lifted to at least 8 by Γ(x + 1) = x Γ(x) on both sides (one logarithm of the
     * product of the ratios), then the difference of Stirling's series, (x − ½) log1p(k/x) + k log(x + k) − k
     * plus the difference of the corrections.
     */
    static double logGammaDifference(double x, double k) {
        if (k == 0) {
            return 0;
        }
        if (!(x > 0 && k > 0) || x == Double.POSITIVE_INFINITY || k == Double.POSITIVE_INFINITY) {
            return logGamma(x + k) - logGamma(x);
        }
        double ratio = 1;
        double logRatio = 0;
        while (x < 8) {
            ratio *= x / (x + k);
            if (ratio < 1e-200) {
                logRatio += Math.log(ratio);
                ratio = 1;
            }
            x += 1;
        }
        double y = x + k;
        double lifted = (x - 0.5) * Math.log1p(k / x) + k * Math.log(y) - k + (stirlingCorrection(y) - stirlingCorrection(x));
        return ratio == 1 && logRatio == 0 ? lifted : lifted + (logRatio + Math.log(ratio));
    }

    /**
     * Both {@link #logGammaDifference} and {@link #digammaDifference} of (x, k) in one pass, sharing the
     * lift of x to at least 10 and log1p(k/x).
     *
     * @param out modified: out[offset] = log Γ(x + k) − log Γ(x), out[offset + 1] = ψ(x + k) − ψ(x)
     */
    static void gammaDifferences(double x, double k, double[] out, int offset) {
        if (k == 0) {
            out[offset] = 0;
            out[offset + 1] = 0;
            return;
        }
        if (!(x > 0 && k > 0) || x == Double.POSITIVE_INFINITY || k == Double.POSITIVE_INFINITY) {
            out[offset] = logGamma(x + k) - logGamma(x);
            out[offset + 1] = digamma(x + k) - digamma(x);
            return;
        }
        double ratio = 1;
        double logRatio = 0;
        double shift = 0;
        while (x < 10) {
            double y = x + k;
            ratio *= x / y;
            shift += k / (x * y);
            if (ratio < 1e-200) {
                logRatio += Math.log(ratio);
                ratio = 1;
            }
            x += 1;
        }
        double y = x + k;
        double log1p = Math.log1p(k / x);
        double lifted = (x - 0.5) * log1p + k * Math.log(y) - k + (stirlingCorrection(y) - stirlingCorrection(x));
        out[offset] = ratio == 1 && logRatio == 0 ? lifted : lifted + (logRatio + Math.log(ratio));
        out[offset + 1] = log1p + k / (2 * x * y) - (digammaSeries(y) - digammaSeries(x)) + shift;
    }

    /** Stirling's correction log Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 8, as {@link #stirling} sums it. */
    private static double stirlingCorrection(double x) {
        double inverse = 1 / x;
        double f = inverse * inverse;
        return inverse * (1.0 / 12 - f * (1.0 / 360 - f * (1.0 / 1260 - f * (1.0 / 1680 - f * (1.0 / 1188
                - f * (691.0 / 360360 - f * (1.0 / 156 - f * (3617.0 / 122400))))))));
    }

    /**
     * ψ(x + k) − ψ(x) for x &gt; 0 and k ≥ 0 without the cancellation of the plain difference at large x:
     * x is first lifted to at least 10 by ψ(x + 1) = ψ(x) + 1/x on both sides, then the difference of the
     * asymptotic series, log1p(k/x) + k / (2x(x + k)) less the difference of the Bernoulli terms.
     */
    static double digammaDifference(double x, double k) {
        if (k == 0) {
            return 0;
        }
        if (!(x > 0 && k > 0) || x == Double.POSITIVE_INFINITY || k == Double.POSITIVE_INFINITY) {
            return digamma(x + k) - digamma(x);
        }
        double shift = 0;
        while (x < 10) {
            // 1/x - 1/(x + k), the terms the lift drops from ψ(x) and ψ(x + k).
            shift += k / (x * (x + k));
            x += 1;
        }
        double y = x + k;
        return Math.log1p(k / x) + k / (2 * x * y) - (digammaSeries(y) - digammaSeries(x)) + shift;
    }

    /** Σ B₂ₖ / (2k x²ᵏ) through B₁₂, the series {@link #digamma} subtracts, for x ≥ 10. */
    private static double digammaSeries(double x) {
        double f = 1 / (x * x);
        return f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132
                - f * (691.0 / 32760))))));
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
