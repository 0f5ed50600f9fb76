package org.muster.core.api.transforms;

/**
 * Stan's map from {@code K(K-1)/2} reals onto Cholesky factors of K × K correlation matrices
 * (Stan Reference Manual, "Constraint Transforms", Cholesky factors of correlation matrices; the
 * canonical partial correlations of Lewandowski, Kurowicka &amp; Joe 2009). The factor is stored
 * K × K row-major with zeros above the diagonal; {@code size} is K².
 *
 * <p>{@code z = tanh(x)} fills the strict lower triangle in row-major order; row i then has
 * {@code L[i][0] = z_i0}, {@code L[i][j] = z_ij sqrt(1 - Σ_{k<j} L[i][k]²)} and the diagonal
 * {@code L[i][i] = sqrt(1 - Σ_{k<i} L[i][k]²)}, so every row has unit norm. log|J| is that of the
 * map from x onto the strict lower triangle of L:
 * {@code Σ log(1 - z_ij²) + ½ Σ_{j≥1} log(1 - Σ_{k<j} L[i][k]²)}.
 *
 * <p>The remaining squared norm {@code 1 - Σ_{k<j} L[i][k]²} equals {@code Π_{k<j} (1 - z_ik²)},
 * so it is carried as a sum of {@code log sech²(x)}: no cancellation when a partial correlation
 * approaches ±1.
 */
public final class CholeskyCorrelation implements Transform {

    /** Rows of a valid factor must have squared norm 1 within this tolerance. */
    public static final double NORM_TOLERANCE = 1e-8;

    static final CholeskyCorrelation INSTANCE = new CholeskyCorrelation();

    private CholeskyCorrelation() {
    }

    @Override
    public String name() {
        return "cholesky_corr";
    }

    /** The matrix order K of a block of {@code size = K²} entries. */
    static int order(int size) {
        int k = (int) Math.round(Math.sqrt(size));
        if (size < 1 || k * k != size) {
            throw new IllegalArgumentException(
                    "a Cholesky factor needs K × K entries, got " + size);
        }
        return k;
    }

    @Override
    public int freeSize(int size) {
        int k = order(size);
        return k * (k - 1) / 2;
    }

    @Override
    public double constrain(double[] x, int xOffset, double[] y, int yOffset, int size) {
        int order = order(size);
        double logJacobian = 0.0;
        int free = xOffset;
        for (int i = 0; i < order; i++) {
            int row = yOffset + i * order;
            double logRemaining = 0.0;
            for (int j = 0; j < i; j++) {
                double xij = x[free++];
                double logSechSquared = TransformMath.logOneMinusTanhSquared(xij);
                y[row + j] = Math.tanh(xij) * Math.exp(0.5 * logRemaining);
                logJacobian += logSechSquared + 0.5 * logRemaining;
                logRemaining += logSechSquared;
            }
            y[row + i] = Math.exp(0.5 * logRemaining);
            for (int j = i + 1; j < order; j++) {
                y[row + j] = 0.0;
            }
        }
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        int order = order(size);
        for (int i = 0; i < order; i++) {
            int row = yOffset + i * order;
            double squaredNorm = 0.0;
            for (int j = 0; j < order; j++) {
                double value = y[row + j];
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(entry(i, j, order, value) + " is not finite");
                }
                if (j > i && !(Math.abs(value) <= NORM_TOLERANCE)) {
                    throw new IllegalArgumentException(entry(i, j, order, value)
                            + " is above the diagonal of a lower-triangular Cholesky factor, not 0");
                }
                if (j <= i) {
                    squaredNorm += value * value;
                }
            }
            double diagonal = y[row + i];
            if (!(diagonal > 0)) {
                throw new IllegalArgumentException(entry(i, i, order, diagonal)
                        + " is not above the lower bound 0 of a diagonal entry");
            }
            if (!(Math.abs(squaredNorm - 1.0) <= NORM_TOLERANCE)) {
                throw new IllegalArgumentException("row " + i + " has squared norm " + squaredNorm
                        + ", not 1 within " + NORM_TOLERANCE + " as a correlation factor needs");
            }
        }
        int free = xOffset;
        for (int i = 1; i < order; i++) {
            int row = yOffset + i * order;
            int rowStart = free;
            // Tail sums Σ_{k>=j} L[i][k]² equal 1 - Σ_{k<j} L[i][k]² without cancellation.
            double remaining = y[row + i] * y[row + i];
            for (int j = i - 1; j >= 0; j--) {
                double value = y[row + j];
                double including = remaining + value * value;
                x[rowStart + j] = atanhOfRatio(value, including, remaining);
                remaining = including;
            }
            free += i;
        }
    }

    /**
     * atanh(a / sqrt(t)) where {@code r = t - a²} is known separately; near |z| = 1 uses
     * atanh|z| = log(sqrt(t) + |a|) - ½ log r, which needs no 1 - |z|.
     */
    private static double atanhOfRatio(double a, double t, double r) {
        double root = Math.sqrt(t);
        double z = a / root;
        double magnitude = Math.abs(z);
        double result = magnitude < 0.5
                ? 0.5 * Math.log1p(2.0 * magnitude / (1.0 - magnitude))
                : Math.log(root + Math.abs(a)) - 0.5 * Math.log(r);
        return z < 0 ? -result : result;
    }

    private static String entry(int i, int j, int order, double value) {
        return "entry " + (i * order + j) + " (row " + i + ", column " + j + ") = "
                + TransformMath.format(value);
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
        int order = order(size);
        // Row i: y_ij = z_j exp(c_j / 2) with c_j = Σ_{k<j} log(1 - z_k²), y_ii = exp(c_i / 2).
        // d/dx_m = w_m (1 - z_m²) exp(c_m / 2) - z_m Σ_{j>m} w_j y_ij - jacobianWeight z_m (i + 1 - m).
        int free = 0;
        for (int i = 1; i < order; i++) {
            int row = yOffset + i * order;
            int adjointRow = yAdjointOffset + i * order;
            int xRow = xOffset + free;
            int xAdjointRow = xAdjointOffset + free;
            double logRemaining = 0.0;
            for (int m = 0; m < i; m++) {
                double xm = x[xRow + m];
                double logSechSquared = TransformMath.logOneMinusTanhSquared(xm);
                xAdjoint[xAdjointRow + m] += yAdjoint[adjointRow + m]
                        * Math.exp(logSechSquared + 0.5 * logRemaining)
                        - jacobianWeight * Math.tanh(xm) * (i + 1 - m);
                logRemaining += logSechSquared;
            }
            double laterWeighted = yAdjoint[adjointRow + i] * y[row + i];
            for (int m = i - 1; m >= 0; m--) {
                xAdjoint[xAdjointRow + m] -= Math.tanh(x[xRow + m]) * laterWeighted;
                laterWeighted += yAdjoint[adjointRow + m] * y[row + m];
            }
            free += i;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
