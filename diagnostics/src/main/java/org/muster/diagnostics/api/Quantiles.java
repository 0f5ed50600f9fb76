package org.muster.diagnostics.api;

import org.muster.diagnostics.internal.SampleQuantile;

/** Sample quantiles as R's default (type 7): linear interpolation between order statistics. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The type-7 quantile of sorted data: with {@code h = (n - 1) p}, interpolate between the
     * {@code floor(h)}-th and next order statistics (Hyndman &amp; Fan 1996), with R's arithmetic.
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
        return SampleQuantile.type7(sorted, p);
    }
}
