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

    /**
     * The first half of a leapfrog step: a half kick p₁ = p₀ + h·g₀, then the drift q₁ = q₀ + ε·M⁻¹p₁, in one
     * pass where the metric allows. The outputs may be the inputs (an in-place step).
     *
     * @param position not modified (unless it is {@code positionOut})
     * @param momentum not modified (unless it is {@code momentumOut})
     * @param gradient not modified: the gradient of the log density at {@code position}
     * @param positionOut modified: q₁
     * @param momentumOut modified: p₁
     */
    abstract void kickAndDrift(double[] position, double[] momentum, double[] gradient, double halfStep, double step,
            double[] positionOut, double[] momentumOut);

    /**
     * The last half of a leapfrog step: the half kick p ← p + h·g, and the velocity M⁻¹p at the new p, in one
     * pass where the metric allows.
     *
     * @param momentum modified: kicked in place
     * @param gradient not modified: the gradient at the new position
     * @param velocity modified: M⁻¹p
     * @return pᵀM⁻¹p, twice the kinetic energy
     */
    abstract double kickAndVelocity(double[] momentum, double[] gradient, double halfStep, double[] velocity);

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
