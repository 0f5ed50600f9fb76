package org.muster.samplers.internal.hmc;

/** A point in phase space: position q, momentum p, and the log density and its gradient at q. */
final class PhasePoint {

    final double[] position;
    final double[] momentum;
    final double[] gradient;
    double logDensity;

    PhasePoint(int dimension) {
        position = new double[dimension];
        momentum = new double[dimension];
        gradient = new double[dimension];
    }

    void copyFrom(PhasePoint other) {
        System.arraycopy(other.position, 0, position, 0, position.length);
        System.arraycopy(other.momentum, 0, momentum, 0, momentum.length);
        System.arraycopy(other.gradient, 0, gradient, 0, gradient.length);
        logDensity = other.logDensity;
    }
}
