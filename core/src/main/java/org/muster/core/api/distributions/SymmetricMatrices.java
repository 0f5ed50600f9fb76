package org.muster.core.api.distributions;

/**
 * Cholesky factors, log determinants and inverses of symmetric K × K row-major matrices held in a
 * buffer, for the precision-matrix kernels. A matrix is read through its symmetric part
 * {@code (A + Aᵀ) / 2}, so functions of it have symmetric gradients that finite differences of any
 * single entry confirm.
 */
final class SymmetricMatrices {

    private SymmetricMatrices() {
    }

    /**
     * Writes the lower-triangular Cholesky factor of the symmetric part of the matrix at {@code source}
     * to {@code target} (K² entries, upper triangle zeroed).
     *
     * @return false if the matrix is not positive definite
     */
    static boolean cholesky(double[] buffer, int source, int target, int k) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (j > i) {
                    buffer[target + i * k + j] = 0;
                    continue;
                }
                double s = 0.5 * (buffer[source + i * k + j] + buffer[source + j * k + i]);
                for (int l = 0; l < j; l++) {
                    s -= buffer[target + i * k + l] * buffer[target + j * k + l];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    buffer[target + i * k + i] = Math.sqrt(s);
                } else {
                    buffer[target + i * k + j] = s / buffer[target + j * k + j];
                }
            }
        }
        return true;
    }

    /** log det of the matrix whose Cholesky factor is at {@code factor}. */
    static double logDeterminant(double[] buffer, int factor, int k) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.log(buffer[factor + i * k + i]);
        }
        return 2 * sum;
    }

    /**
     * Writes the inverse of the matrix whose Cholesky factor is at {@code factor} to {@code target}
     * (K² entries), using {@code column} (K entries) as scratch.
     */
    static void inverse(double[] buffer, int factor, int target, int column, int k) {
        for (int j = 0; j < k; j++) {
            // Solve L y = e_j, then Lᵀ z = y: z is column j of the inverse.
            for (int i = 0; i < k; i++) {
                double s = i == j ? 1 : 0;
                for (int l = 0; l < i; l++) {
                    s -= buffer[factor + i * k + l] * buffer[column + l];
                }
                buffer[column + i] = s / buffer[factor + i * k + i];
            }
            for (int i = k - 1; i >= 0; i--) {
                double s = buffer[column + i];
                for (int l = i + 1; l < k; l++) {
                    s -= buffer[factor + l * k + i] * buffer[column + l];
                }
                buffer[column + i] = s / buffer[factor + i * k + i];
            }
            for (int i = 0; i < k; i++) {
                buffer[target + i * k + j] = buffer[column + i];
            }
        }
    }

    /** The side K of a K × K matrix of {@code size} entries, or -1. */
    static int side(int size) {
        int k = (int) Math.round(Math.sqrt(size));
        return k * k == size ? k : -1;
    }
}
