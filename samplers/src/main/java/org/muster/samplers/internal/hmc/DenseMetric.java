package org.muster.samplers.internal.hmc;

import java.util.random.RandomGenerator;

/**
 * A dense Euclidean metric (CmdStan's {@code dense_e}). With M⁻¹ = LLᵀ (Cholesky), a momentum
 * p = L⁻ᵀz for standard normal z has covariance (LLᵀ)⁻¹ = M, as required.
 */
final class DenseMetric extends Metric {

    private final int n;
    private final double[][] inverse;
    private final double[][] cholesky;
    private final double[] standardNormal;
    private final double[] driftVelocity;

    /** @param inverseMetric not modified: M⁻¹, symmetric positive definite */
    DenseMetric(double[][] inverseMetric) {
        this.n = inverseMetric.length;
        this.inverse = new double[n][n];
        this.cholesky = new double[n][n];
        this.standardNormal = new double[n];
        this.driftVelocity = new double[n];
        setInverseMetric(inverseMetric);
    }

    static DenseMetric unit(int dimension) {
        double[][] identity = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            identity[i][i] = 1;
        }
        return new DenseMetric(identity);
    }

    @Override
    int dimension() {
        return n;
    }

    @Override
    void velocity(double[] momentum, double[] velocity) {
        for (int i = 0; i < n; i++) {
            double[] row = inverse[i];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += row[j] * momentum[j];
            }
            velocity[i] = sum;
        }
    }

    @Override
    double kineticEnergy(double[] momentum) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] row = inverse[i];
            double inner = 0;
            for (int j = 0; j < n; j++) {
                inner += row[j] * momentum[j];
            }
            sum += momentum[i] * inner;
        }
        return 0.5 * sum;
    }

    @Override
    void kickAndDrift(double[] position, double[] momentum, double[] gradient, double halfStep, double step,
            double[] positionOut, double[] momentumOut) {
        for (int i = 0; i < n; i++) {
            momentumOut[i] = momentum[i] + halfStep * gradient[i];
        }
        velocity(momentumOut, driftVelocity);
        for (int i = 0; i < n; i++) {
            positionOut[i] = position[i] + step * driftVelocity[i];
        }
    }

    @Override
    double kickAndVelocity(double[] momentum, double[] gradient, double halfStep, double[] velocity) {
        for (int i = 0; i < n; i++) {
            momentum[i] += halfStep * gradient[i];
        }
        velocity(momentum, velocity);
        double twiceKinetic = 0;
        for (int i = 0; i < n; i++) {
            twiceKinetic += momentum[i] * velocity[i];
        }
        return twiceKinetic;
    }

    @Override
    void sampleMomentum(RandomGenerator random, double[] momentum) {
        for (int i = 0; i < n; i++) {
            standardNormal[i] = random.nextGaussian();
        }
        // Back substitution: solve Lᵀ p = z.
        for (int i = n - 1; i >= 0; i--) {
            double sum = standardNormal[i];
            for (int k = i + 1; k < n; k++) {
                sum -= cholesky[k][i] * momentum[k];
            }
            momentum[i] = sum / cholesky[i][i];
        }
    }

    @Override
    boolean dense() {
        return true;
    }

    @Override
    double[][] inverseMetric() {
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = inverse[i].clone();
        }
        return copy;
    }

    @Override
    void setInverseMetric(double[][] inverseMetric) {
        if (inverseMetric.length != n) {
            throw new IllegalArgumentException("a dense inverse metric is " + n + " x " + n);
        }
        double[][] factor = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (inverseMetric[i].length != n) {
                throw new IllegalArgumentException("a dense inverse metric is " + n + " x " + n);
            }
            for (int j = 0; j <= i; j++) {
                double sum = inverseMetric[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= factor[i][k] * factor[j][k];
                }
                if (i == j) {
                    if (!(sum > 0) || !Double.isFinite(sum)) {
                        throw new IllegalArgumentException("the inverse metric is not positive definite (pivot " + i
                                + " is " + sum + ")");
                    }
                    factor[i][i] = Math.sqrt(sum);
                } else {
                    factor[i][j] = sum / factor[j][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(inverseMetric[i], 0, inverse[i], 0, n);
            System.arraycopy(factor[i], 0, cholesky[i], 0, n);
        }
    }
}
