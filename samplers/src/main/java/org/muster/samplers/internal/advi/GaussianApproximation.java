package org.muster.samplers.internal.advi;

/**
 * A Gaussian on the unconstrained space, written as zeta = mu + S eta with eta standard normal
 * (the reparameterization of Kucukelbir et al. 2017), whose parameters live in one flat array so the
 * optimizer treats both families alike. Mutable: the optimizer updates {@link #parameters} in place.
 */
abstract sealed class GaussianApproximation permits GaussianApproximation.MeanField, GaussianApproximation.FullRank {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    final int dimension;
    /** mu first (dimension values), then the scale's parameters. */
    final double[] parameters;

    private GaussianApproximation(int dimension, int parameterCount) {
        this.dimension = dimension;
        this.parameters = new double[parameterCount];
    }

    /** A mean-field or full-rank Gaussian of the given dimension, centered at 0 with unit scale. */
    static GaussianApproximation of(boolean fullRank, int dimension) {
        return fullRank ? new FullRank(dimension) : new MeanField(dimension);
    }

    /**
     * Resets to the Gaussian centered at {@code mean} with the identity covariance (Stan's start).
     *
     * @param mean not modified
     */
    void reset(double[] mean) {
        java.util.Arrays.fill(parameters, 0.0);
        System.arraycopy(mean, 0, parameters, 0, dimension);
        resetScale();
    }

    abstract void resetScale();

    /** Copies another approximation's parameters (same family and dimension). */
    void copyFrom(GaussianApproximation other) {
        System.arraycopy(other.parameters, 0, parameters, 0, parameters.length);
    }

    /**
     * zeta = mu + S eta.
     *
     * @param eta not modified
     * @param zeta modified
     */
    abstract void transform(double[] eta, double[] zeta);

    /** log |det S|. */
    abstract double logDeterminant();

    /** The entropy of the Gaussian. */
    double entropy() {
        return dimension * (0.5 + HALF_LOG_TWO_PI) + logDeterminant();
    }

    /** The log density of q at zeta = mu + S eta, from eta. */
    double logDensityOfDraw(double[] eta) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            s += eta[i] * eta[i];
        }
        return -0.5 * s - dimension * HALF_LOG_TWO_PI - logDeterminant();
    }

    /**
     * Adds one draw's contribution to the reparameterization gradient of E_q[log p].
     *
     * @param targetGradient not modified: d log p / d zeta at zeta = mu + S eta
     * @param eta not modified
     * @param gradient modified: accumulated with respect to {@link #parameters}
     */
    abstract void accumulate(double[] targetGradient, double[] eta, double[] gradient);

    /**
     * Turns the sum of {@code samples} contributions into the ELBO's gradient: the average, the chain rule
     * through the scale's parameterization, and the entropy's gradient.
     *
     * @param gradient modified
     */
    abstract void finishGradient(double[] gradient, int samples);

    /** Whether every parameter is finite. */
    boolean isFinite() {
        for (double p : parameters) {
            if (!Double.isFinite(p)) {
                return false;
            }
        }
        return true;
    }

    /** Diagonal scale exp(omega): parameters are mu then omega, the log standard deviations. */
    static final class MeanField extends GaussianApproximation {

        MeanField(int dimension) {
            super(dimension, 2 * dimension);
        }

        @Override
        void resetScale() {
            java.util.Arrays.fill(parameters, dimension, 2 * dimension, 0.0);
        }

        @Override
        void transform(double[] eta, double[] zeta) {
            for (int i = 0; i < dimension; i++) {
                zeta[i] = parameters[i] + Math.exp(parameters[dimension + i]) * eta[i];
            }
        }

        @Override
        double logDeterminant() {
            double s = 0;
            for (int i = 0; i < dimension; i++) {
                s += parameters[dimension + i];
            }
            return s;
        }

        @Override
        void accumulate(double[] targetGradient, double[] eta, double[] gradient) {
            for (int i = 0; i < dimension; i++) {
                gradient[i] += targetGradient[i];
                gradient[dimension + i] += targetGradient[i] * eta[i];
            }
        }

        @Override
        void finishGradient(double[] gradient, int samples) {
            for (int i = 0; i < dimension; i++) {
                gradient[i] /= samples;
                // d zeta / d omega = exp(omega) eta; the entropy's derivative in omega is 1.
                gradient[dimension + i] = gradient[dimension + i] / samples * Math.exp(parameters[dimension + i]) + 1.0;
            }
        }

        double[] logStandardDeviations() {
            return java.util.Arrays.copyOfRange(parameters, dimension, 2 * dimension);
        }
    }

    /**
     * Lower-triangular Cholesky factor L, stored row by row after mu (d(d+1)/2 values); its diagonal is
     * not constrained to be positive, as in Stan, and log |det L| uses its absolute values.
     */
    static final class FullRank extends GaussianApproximation {

        FullRank(int dimension) {
            super(dimension, dimension + dimension * (dimension + 1) / 2);
        }

        private int at(int row, int column) {
            return dimension + row * (row + 1) / 2 + column;
        }

        @Override
        void resetScale() {
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j <= i; j++) {
                    parameters[at(i, j)] = i == j ? 1.0 : 0.0;
                }
            }
        }

        @Override
        void transform(double[] eta, double[] zeta) {
            int k = dimension;
            for (int i = 0; i < dimension; i++) {
                double s = parameters[i];
                for (int j = 0; j <= i; j++) {
                    s += parameters[k++] * eta[j];
                }
                zeta[i] = s;
            }
        }

        @Override
        double logDeterminant() {
            double s = 0;
            for (int i = 0; i < dimension; i++) {
                s += Math.log(Math.abs(parameters[at(i, i)]));
            }
            return s;
        }

        @Override
        void accumulate(double[] targetGradient, double[] eta, double[] gradient) {
            int k = dimension;
            for (int i = 0; i < dimension; i++) {
                double g = targetGradient[i];
                gradient[i] += g;
                for (int j = 0; j <= i; j++) {
                    gradient[k++] += g * eta[j];
                }
            }
        }

        @Override
        void finishGradient(double[] gradient, int samples) {
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] /= samples;
            }
            for (int i = 0; i < dimension; i++) {
                // d log|L_ii| / d L_ii = 1 / L_ii: the entropy's gradient.
                gradient[at(i, i)] += 1.0 / parameters[at(i, i)];
            }
        }

        double[][] cholesky() {
            double[][] l = new double[dimension][dimension];
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j <= i; j++) {
                    l[i][j] = parameters[at(i, j)];
                }
            }
            return l;
        }
    }
}
