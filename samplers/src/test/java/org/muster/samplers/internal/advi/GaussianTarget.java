package org.muster.samplers.internal.advi;

import org.muster.core.api.LogDensity;

/** A multivariate normal log density written out by hand, log p(x) = c − (x − m)' P (x − m) / 2. */
final class GaussianTarget implements LogDensity {

    private final double[] mean;
    private final double[][] precision;
    private final double constant;

    /**
     * @param precision not modified: symmetric positive definite
     * @param constant added to the log density (0 gives an unnormalized density whose log Z is
     *     log sqrt(det(2 pi P^-1)))
     */
    GaussianTarget(double[] mean, double[][] precision, double constant) {
        this.mean = mean.clone();
        this.precision = precision;
        this.constant = constant;
    }

    /** The normalized density: its log Z is 0, so the ELBO at the optimum is 0. */
    static GaussianTarget normalized(double[] mean, double[][] precision) {
        return new GaussianTarget(mean, precision, 0.5 * Math.log(determinant(precision))
                - 0.5 * mean.length * Math.log(2 * Math.PI));
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    @Override
    public double logDensity(double[] x) {
        return logDensityGradient(x, new double[mean.length]);
    }

    @Override
    public double logDensityGradient(double[] x, double[] gradient) {
        double q = 0;
        for (int i = 0; i < mean.length; i++) {
            double g = 0;
            for (int j = 0; j < mean.length; j++) {
                g -= precision[i][j] * (x[j] - mean[j]);
            }
            gradient[i] = g;
            q += (x[i] - mean[i]) * g;
        }
        return constant + 0.5 * q;
    }

    /** The inverse of a small symmetric positive-definite matrix by Gauss–Jordan elimination. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            double pivot = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= pivot;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, out[i], 0, n);
        }
        return out;
    }

    static double determinant(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double det = 1;
        for (int c = 0; c < n; c++) {
            det *= m[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int j = c; j < n; j++) {
                    m[r][j] -= f * m[c][j];
                }
            }
        }
        return det;
    }
}
