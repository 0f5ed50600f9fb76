package org.muster.em.internal.linalg;

/**
 * Cholesky factorization and triangular solves on small dense matrices stored row-major in flat
 * arrays at an offset, so callers can keep many matrices in one preallocated buffer. Nothing here
 * allocates; no matrix is ever inverted explicitly (Golub &amp; Van Loan, <i>Matrix Computations</i>,
 * 4th ed., §4.2).
 */
public final class Cholesky {

    private Cholesky() {
    }

    /**
     * Writes the lower-triangular L with L Lᵀ = A (the upper triangle of L is set to 0).
     *
     * @param a not modified: a symmetric d×d matrix at {@code aOffset} (only its lower triangle is read)
     * @param factor modified: receives L at {@code factorOffset}; may be {@code a} itself at the same offset
     * @param minPivot a pivot (L_jj²) at or below this makes the matrix count as singular
     * @return the index of the first pivot that was not above {@code minPivot} (the matrix is not
     *     numerically positive definite), or -1 on success
     */
    public static int decompose(double[] a, int aOffset, int d, double[] factor, int factorOffset, double minPivot) {
        for (int j = 0; j < d; j++) {
            double pivot = a[aOffset + j * d + j];
            for (int m = 0; m < j; m++) {
                double v = factor[factorOffset + j * d + m];
                pivot -= v * v;
            }
            if (!(pivot > minPivot) || !Double.isFinite(pivot)) {
                return j;
            }
            double diagonal = Math.sqrt(pivot);
            factor[factorOffset + j * d + j] = diagonal;
            for (int i = j + 1; i < d; i++) {
                double v = a[aOffset + i * d + j];
                for (int m = 0; m < j; m++) {
                    v -= factor[factorOffset + i * d + m] * factor[factorOffset + j * d + m];
                }
                factor[factorOffset + i * d + j] = v / diagonal;
            }
            for (int m = j + 1; m < d; m++) {
                factor[factorOffset + j * d + m] = 0;
            }
        }
        return -1;
    }

    /**
     * Solves L z = b by forward substitution.
     *
     * @param factor not modified: L at {@code factorOffset}
     * @param b not modified: d values at {@code bOffset}
     * @param z modified: receives d values at {@code zOffset}; may be {@code b} at the same offset
     */
    public static void forwardSolve(double[] factor, int factorOffset, int d, double[] b, int bOffset, double[] z,
            int zOffset) {
        for (int i = 0; i < d; i++) {
            double v = b[bOffset + i];
            for (int m = 0; m < i; m++) {
                v -= factor[factorOffset + i * d + m] * z[zOffset + m];
            }
            z[zOffset + i] = v / factor[factorOffset + i * d + i];
        }
    }

    /**
     * Solves Lᵀ z = b by back substitution.
     *
     * @param factor not modified: L at {@code factorOffset}
     * @param b not modified: d values at {@code bOffset}
     * @param z modified: receives d values at {@code zOffset}; may be {@code b} at the same offset
     */
    public static void backSolveTranspose(double[] factor, int factorOffset, int d, double[] b, int bOffset, double[] z,
            int zOffset) {
        for (int i = d - 1; i >= 0; i--) {
            double v = b[bOffset + i];
            for (int m = i + 1; m < d; m++) {
                v -= factor[factorOffset + m * d + i] * z[zOffset + m];
            }
            z[zOffset + i] = v / factor[factorOffset + i * d + i];
        }
    }

    /** log det A = 2 Σ log L_jj, from the factor L at {@code factorOffset} (not modified). */
    public static double logDeterminant(double[] factor, int factorOffset, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            sum += Math.log(factor[factorOffset + j * d + j]);
        }
        return 2 * sum;
    }

    /**
     * tr(A⁻¹ B) for A = L Lᵀ, column by column through two triangular solves.
     *
     * @param factor not modified: L at {@code factorOffset}
     * @param b not modified: a d×d matrix at {@code bOffset}
     * @param scratch modified: at least d values used as work space
     */
    public static double traceOfSolve(double[] factor, int factorOffset, int d, double[] b, int bOffset,
            double[] scratch) {
        double trace = 0;
        for (int column = 0; column < d; column++) {
            for (int i = 0; i < d; i++) {
                scratch[i] = b[bOffset + i * d + column];
            }
            forwardSolve(factor, factorOffset, d, scratch, 0, scratch, 0);
            backSolveTranspose(factor, factorOffset, d, scratch, 0, scratch, 0);
            trace += scratch[column];
        }
        return trace;
    }
}
