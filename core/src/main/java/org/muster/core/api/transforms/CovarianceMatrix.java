package org.muster.core.api.transforms;

/**
 * Symmetric positive-definite K × K matrices (covariance or precision matrices, a Wishart's draws)
 * from K(K+1)/2 unconstrained coordinates, as Stan's {@code cov_matrix}: the coordinates fill a lower
 * triangular L row by row, its diagonal through {@code exp}, and the matrix is {@code W = L Lᵀ},
 * row-major. log|J| = K log 2 + Σ_k (K - k + 1) x_kk for 0-based k, the diagonal's coordinates x_kk.
 */
public final class CovarianceMatrix implements Transform {

    private static final CovarianceMatrix INSTANCE = new CovarianceMatrix();
    private static final double LOG_TWO = Math.log(2);

    private CovarianceMatrix() {
    }

    /** The transform (it holds no state). */
    public static CovarianceMatrix instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "covariance matrix";
    }

    /** The side K of a matrix of {@code size} = K² entries. @throws IllegalArgumentException if size is no square */
    static int side(int size) {
        int k = (int) Math.round(Math.sqrt(size));
        if (k * k != size || k < 1) {
            throw new IllegalArgumentException("a covariance matrix needs K × K entries, got " + size);
        }
        return k;
    }

    @Override
    public int freeSize(int size) {
        int k = side(size);
        return k * (k + 1) / 2;
    }

    /** Where L[i][j] (j ≤ i) sits among the coordinates: row by row. */
    private static int free(int i, int j) {
        return i * (i + 1) / 2 + j;
    }

    private static double factor(double[] x, int xOffset, int i, int j) {
        double v = x[xOffset + free(i, j)];
        return i == j ? Math.exp(v) : v;
    }

    @Override
    public double constrain(double[] x, int xOffset, double[] y, int yOffset, int size) {
        int k = side(size);
        double logJacobian = k * LOG_TWO;
        for (int i = 0; i < k; i++) {
            logJacobian += (k - i + 1) * x[xOffset + free(i, i)];
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int l = 0; l <= j; l++) {
                    s += factor(x, xOffset, i, l) * factor(x, xOffset, j, l);
                }
                y[yOffset + i * k + j] = s;
                y[yOffset + j * k + i] = s;
            }
        }
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        int k = side(size);
        // Cholesky factor of the symmetric part, written straight into the coordinates.
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0.5 * (y[yOffset + i * k + j] + y[yOffset + j * k + i]);
                for (int l = 0; l < j; l++) {
                    s -= x[xOffset + free(i, l)] * x[xOffset + free(j, l)];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the matrix is not positive definite (pivot " + (i + 1)
                                + " is " + TransformMath.format(s) + ")");
                    }
                    x[xOffset + free(i, i)] = Math.sqrt(s);
                } else {
                    x[xOffset + free(i, j)] = s / x[xOffset + free(j, j)];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            x[xOffset + free(i, i)] = Math.log(x[xOffset + free(i, i)]);
        }
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint, int yAdjointOffset,
            double[] xAdjoint, int xAdjointOffset, int size, double jacobianWeight) {
        int k = side(size);
        // W = L Lᵀ: adj(L)[i][l] = Σ_j (G[i][j] + G[j][i]) L[j][l] for l ≤ i, G the adjoint of W.
        for (int i = 0; i < k; i++) {
            for (int l = 0; l <= i; l++) {
                double s = 0;
                for (int j = l; j < k; j++) {
                    s += (yAdjoint[yAdjointOffset + i * k + j] + yAdjoint[yAdjointOffset + j * k + i])
                            * factor(x, xOffset, j, l);
                }
                if (i == l) {
                    xAdjoint[xAdjointOffset + free(i, i)] += s * factor(x, xOffset, i, i)
                            + jacobianWeight * (k - i + 1);
                } else {
                    xAdjoint[xAdjointOffset + free(i, l)] += s;
                }
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
