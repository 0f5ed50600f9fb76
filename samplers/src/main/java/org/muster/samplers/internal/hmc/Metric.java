package org.muster.samplers.internal.hmc;

import java.util.random.RandomGenerator;

/**
 * A Euclidean metric: the momentum distribution p ~ N(0, M) and the kinetic energy ½ pᵀM⁻¹p. It is
 * described by its inverse M⁻¹, which warmup estimates as the posterior (co)variance. Not thread-safe
 * (implementations keep scratch space); each chain has its own.
 */
abstract sealed class Metric permits DiagonalMetric, DenseMetric {

    /** Number of coordinates. */
    abstract int dimension();

    /**
     * The velocity dq/dt = M⁻¹p (Stan's {@code dtau_dp}, "p sharp").
     *
     * @param momentum not modified
     * @param velocity modified
     */
    abstract void velocity(double[] momentum, double[] velocity);

    /** The kinetic energy ½ pᵀM⁻¹p. @param momentum not modified */
    abstract double kineticEnergy(double[] momentum);

    /** Draws a momentum from N(0, M). @param momentum modified */
    abstract void sampleMomentum(RandomGenerator random, double[] momentum);

    /** Whether the metric is dense (CmdStan's {@code dense_e}) rather than diagonal ({@code diag_e}). */
    abstract boolean dense();

    /** The inverse metric: its diagonal as one row, or the full matrix (a copy). */
    abstract double[][] inverseMetric();

    /**
     * Replaces the inverse metric with a new estimate.
     *
     * @param inverseMetric not modified: a 1 × d row (diagonal) or d × d matrix (dense), as {@link #inverseMetric()}
     */
    abstract void setInverseMetric(double[][] inverseMetric);
}
