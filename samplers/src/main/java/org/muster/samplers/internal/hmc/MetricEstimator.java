package org.muster.samplers.internal.hmc;

/**
 * Welford's running mean and (co)variance of warmup positions, regularized toward a small multiple of
 * the identity as Stan does: Σ̂ · n/(n+5) + 10⁻³ · 5/(n+5) · I.
 */
final class MetricEstimator {

    private final boolean dense;
    private final double[] mean;
    private final double[] delta;
    private final double[][] m2;
    private int count;

    MetricEstimator(int dimension, boolean dense) {
        this.dense = dense;
        this.mean = new double[dimension];
        this.delta = new double[dimension];
        this.m2 = dense ? new double[dimension][dimension] : new double[1][dimension];
    }

    void restart() {
        count = 0;
        java.util.Arrays.fill(mean, 0);
        for (double[] row : m2) {
            java.util.Arrays.fill(row, 0);
        }
    }

    int count() {
        return count;
    }

    /** @param x not modified */
    void add(double[] x) {
        count++;
        int d = mean.length;
        for (int i = 0; i < d; i++) {
            delta[i] = x[i] - mean[i];
            mean[i] += delta[i] / count;
        }
        if (dense) {
            for (int i = 0; i < d; i++) {
                double after = x[i] - mean[i];
                double[] row = m2[i];
                for (int j = 0; j < d; j++) {
                    row[j] += after * delta[j];
                }
            }
        } else {
            double[] row = m2[0];
            for (int i = 0; i < d; i++) {
                row[i] += delta[i] * (x[i] - mean[i]);
            }
        }
    }

    /** The regularized inverse metric: a 1 × d row (diagonal) or a symmetric d × d matrix. Needs two draws. */
    double[][] regularized() {
        int d = mean.length;
        double n = count;
        double shrink = n / (n + 5.0);
        double ridge = 1e-3 * 5.0 / (n + 5.0);
        if (!dense) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = shrink * m2[0][i] / (n - 1) + ridge;
            }
            return new double[][] {v};
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // Symmetrize: Welford's cross products agree up to rounding.
                c[i][j] = shrink * 0.5 * (m2[i][j] + m2[j][i]) / (n - 1);
            }
            c[i][i] += ridge;
        }
        return c;
    }
}
