package org.muster.diagnostics.internal;

/** Means and variances as R computes them: a second pass over the residuals refines the mean. */
public final class Moments {

    private Moments() {
    }

    /** The mean, corrected by the mean residual so it is accurate when values are far from zero. @param x not modified */
    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double residual = 0;
        for (double v : x) {
            residual += v - mean;
        }
        return mean + residual / x.length;
    }

    /** The sample variance (denominator {@code n - 1}); NaN for fewer than two values. @param x not modified */
    public static double variance(double[] x) {
        return x.length < 2 ? Double.NaN : variance(x, mean(x));
    }

    /** The sample variance about a mean already known. @param x not modified */
    public static double variance(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double v : x) {
            double d = v - mean;
            squares += d * d;
        }
        return squares / (x.length - 1);
    }
}
