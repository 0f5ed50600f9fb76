package org.muster.diagnostics.api;

/** Sample quantiles as R's default (type 7): linear interpolation between order statistics. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The type-7 quantile of sorted data: with {@code h = (n - 1) p}, interpolate between the
     * {@code floor(h)}-th and next order statistics (Hyndman &amp; Fan 1996).
     *
     * @param sorted not modified, ascending, non-empty
     * @param p probability in [0, 1]
     */
    public static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
