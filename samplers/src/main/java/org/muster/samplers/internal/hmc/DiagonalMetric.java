package org.muster.samplers.internal.hmc;

import java.util.random.RandomGenerator;

/** A diagonal Euclidean metric (CmdStan's {@code diag_e}); the unit metric is its special case. */
final class DiagonalMetric extends Metric {

    private final double[] inverseDiagonal;
    private final double[] momentumScale;

    /** @param inverseDiagonal not modified: the diagonal of M⁻¹, all positive */
    DiagonalMetric(double[] inverseDiagonal) {
        this.inverseDiagonal = new double[inverseDiagonal.length];
        this.momentumScale = new double[inverseDiagonal.length];
        setDiagonal(inverseDiagonal);
    }

    static DiagonalMetric unit(int dimension) {
        double[] ones = new double[dimension];
        java.util.Arrays.fill(ones, 1.0);
        return new DiagonalMetric(ones);
    }

    private void setDiagonal(double[] diagonal) {
        for (int i = 0; i < diagonal.length; i++) {
            if (!(diagonal[i] > 0) || !Double.isFinite(diagonal[i])) {
                throw new IllegalArgumentException("inverse metric element " + i + " must be positive and finite, got "
                        + diagonal[i]);
            }
            inverseDiagonal[i] = diagonal[i];
            momentumScale[i] = 1 / Math.sqrt(diagonal[i]);
        }
    }

    @Override
    int dimension() {
        return inverseDiagonal.length;
    }

    @Override
    void velocity(double[] momentum, double[] velocity) {
        for (int i = 0; i < inverseDiagonal.length; i++) {
            velocity[i] = inverseDiagonal[i] * momentum[i];
        }
    }

    @Override
    double kineticEnergy(double[] momentum) {
        double sum = 0;
        for (int i = 0; i < inverseDiagonal.length; i++) {
            sum += momentum[i] * inverseDiagonal[i] * momentum[i];
        }
        return 0.5 * sum;
    }

    @Override
    void kickAndDrift(double[] position, double[] momentum, double[] gradient, double halfStep, double step,
            double[] positionOut, double[] momentumOut) {
        for (int i = 0; i < inverseDiagonal.length; i++) {
            double p = momentum[i] + halfStep * gradient[i];
            momentumOut[i] = p;
            positionOut[i] = position[i] + step * (inverseDiagonal[i] * p);
        }
    }

    @Override
    double kickAndVelocity(double[] momentum, double[] gradient, double halfStep, double[] velocity) {
        double twiceKinetic = 0;
        for (int i = 0; i < inverseDiagonal.length; i++) {
            double p = momentum[i] + halfStep * gradient[i];
            momentum[i] = p;
            double v = inverseDiagonal[i] * p;
            velocity[i] = v;
            twiceKinetic += p * v;
        }
        return twiceKinetic;
    }

    @Override
    void sampleMomentum(RandomGenerator random, double[] momentum) {
        for (int i = 0; i < momentumScale.length; i++) {
            momentum[i] = random.nextGaussian() * momentumScale[i];
        }
    }

    @Override
    boolean dense() {
        return false;
    }

    @Override
    double[][] inverseMetric() {
        return new double[][] {inverseDiagonal.clone()};
    }

    @Override
    void setInverseMetric(double[][] inverseMetric) {
        if (inverseMetric.length != 1 || inverseMetric[0].length != inverseDiagonal.length) {
            throw new IllegalArgumentException("a diagonal inverse metric is one row of " + inverseDiagonal.length);
        }
        setDiagonal(inverseMetric[0]);
    }
}
