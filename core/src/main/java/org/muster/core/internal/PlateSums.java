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

    /** The sum of {@code a[aFrom + k] * b[bFrom + k]} for k in [0, n); neither array is modified. */
    static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[aFrom + k] * b[bFrom + k];
            s1 += a[aFrom + k + 1] * b[bFrom + k + 1];
            s2 += a[aFrom + k + 2] * b[bFrom + k + 2];
            s3 += a[aFrom + k + 3] * b[bFrom + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[aFrom + k] * b[bFrom + k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
