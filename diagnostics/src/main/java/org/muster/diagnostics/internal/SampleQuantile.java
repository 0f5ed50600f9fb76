package org.muster.diagnostics.internal;

/** Sample quantiles as R's default (type 7), with R's arithmetic so results agree to the last bit. */
public final class SampleQuantile {

    private SampleQuantile() {
    }

    /**
     * The type-7 quantile of sorted values (Hyndman &amp; Fan 1996): with {@code h = 1 + (n - 1) p},
     * {@code (1 - f) x[floor h] + f x[ceil h]} for the fractional part {@code f} of {@code h}.
     *
     * @param sorted not modified, ascending, non-empty
     * @param p probability in [0, 1]
     */
    public static double type7(double[] sorted, double p) {
        double index = 1 + (sorted.length - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double low = sorted[lo - 1];
        double high = sorted[hi - 1];
        double fraction = index - lo;
        // R interpolates only when the order statistics differ, so a tie returns the value exactly
        if (index > lo && high != low) {
            return (1 - fraction) * low + fraction * high;
        }
        return low;
    }
}
