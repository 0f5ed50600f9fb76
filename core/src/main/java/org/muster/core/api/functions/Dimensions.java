package org.muster.core.api.functions;

import java.util.Arrays;

/** Helpers for dimension arrays ({@code {}} a scalar, {@code {n}} a vector, {@code {r, c}} a matrix). */
final class Dimensions {

    private Dimensions() {
    }

    static int size(int[] dimensions) {
        int s = 1;
        for (int d : dimensions) {
            s *= d;
        }
        return s;
    }

    /** A scalar for one member, else a vector. */
    static int[] vectorOf(int size) {
        return size == 1 ? new int[0] : new int[] {size};
    }

    static String describe(int[] dimensions) {
        return dimensions.length == 0 ? "scalar" : dimensions.length == 1 ? "vector[" + dimensions[0] + "]"
                : "matrix" + Arrays.toString(dimensions).replace(" ", "");
    }
}
