package org.muster.core.internal;

/**
 * Sums over plates with four partial sums. A plain loop {@code sum += a[i]} waits for each addition
 * to finish before starting the next (four cycles on current x86 cores); four independent partial
 * sums let additions overlap. The result differs from the sequential sum only by rounding (the
 * partial sums are, if anything, the more accurate).
 */
final class PlateSums {

    private PlateSums() {
    }

    /** The sum of {@code a[from .. to)}; {@code a} is not modified. */
    static double sum(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
