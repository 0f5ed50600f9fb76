package org.muster.diagnostics.internal;

/**
 * The ascending order of values as a permutation, by a least-significant-digit radix sort on their IEEE
 * bits: O(n) passes with no comparisons, several times faster than a comparison sort for the few
 * thousand draws of a variable, and stable.
 */
public final class SortOrder {

    private static final int DIGIT_BITS = 11;
    private static final int RADIX = 1 << DIGIT_BITS;
    private static final int PASSES = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;

    private SortOrder() {
    }

    /**
     * Indices of the values in ascending order; equal values keep their input order, and -0.0 equals 0.0
     * (as R's sort and rank see them).
     *
     * @param values not modified, no NaN
     * @return a new permutation of {@code 0 .. n - 1}
     */
    public static int[] of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new int[0];
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(values[i] + 0.0);
            // flip every bit of negatives and the sign bit of positives: unsigned key order = numeric order
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        }
        int[] order = new int[n];
        int[] buffer = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] counts = new int[RADIX];
        for (int pass = 0; pass < PASSES; pass++) {
            int shift = pass * DIGIT_BITS;
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
            }
            if (counts[(int) (keys[0] >>> shift) & (RADIX - 1)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int total = 0;
            for (int d = 0; d < RADIX; d++) {
                int count = counts[d];
                counts[d] = total;
                total += count;
            }
            for (int i = 0; i < n; i++) {
                int index = order[i];
                buffer[counts[(int) (keys[index] >>> shift) & (RADIX - 1)]++] = index;
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }
}
