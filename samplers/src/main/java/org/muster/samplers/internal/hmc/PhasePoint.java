package org.muster.samplers.internal.hmc;

/**
 * A point in phase space: position q, momentum p, the log density and its gradient at q, and, where the
 * integrator computed them, the velocity M⁻¹p and the Hamiltonian H(q, p).
 */
final class PhasePoint {

    final double[] position;
    final double[] momentum;
    final double[] gradient;
    /** M⁻¹p (Stan's "p sharp"), as {@link HamiltonianSystem#leapfrog(PhasePoint, PhasePoint, double)} leaves it. */
    final double[] velocity;
    double logDensity;
    /** H(q, p), as {@link HamiltonianSystem#hamiltonianAndVelocity(PhasePoint)} or the leapfrog leaves it. */
    double hamiltonian;
    /** How many places of the NUTS tree hold this point; the kernel's bookkeeping, unused elsewhere. */
    int references;
    /** Where the NUTS kernel keeps this point in its pool; the kernel's bookkeeping, unused elsewhere. */
    int poolIndex;

    PhasePoint(int dimension) {
        position = new double[dimension];
        momentum = new double[dimension];
        gradient = new double[dimension];
        velocity = new double[dimension];
    }

    /** Copies the position, momentum, gradient, log density and Hamiltonian (not the velocity). */
    void copyFrom(PhasePoint other) {
        System.arraycopy(other.position, 0, position, 0, position.length);
        System.arraycopy(other.momentum, 0, momentum, 0, momentum.length);
        System.arraycopy(other.gradient, 0, gradient, 0, gradient.length);
        logDensity = other.logDensity;
        hamiltonian = other.hamiltonian;
    }
}
