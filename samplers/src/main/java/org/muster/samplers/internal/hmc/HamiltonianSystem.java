package org.muster.samplers.internal.hmc;

import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;

/**
 * The Hamiltonian H(q, p) = −log π(q) + ½ pᵀM⁻¹p of a target and a metric, with the leapfrog
 * integrator. Counts gradient evaluations.
 */
final class HamiltonianSystem {

    private final LogDensity target;
    private final Metric metric;
    private final int dimension;
    private long gradientEvaluations;

    HamiltonianSystem(LogDensity target, Metric metric) {
        if (metric.dimension() != target.dimension()) {
            throw new IllegalArgumentException("metric of dimension " + metric.dimension() + " for a target of dimension "
                    + target.dimension());
        }
        this.target = target;
        this.metric = metric;
        this.dimension = target.dimension();
    }

    Metric metric() {
        return metric;
    }

    int dimension() {
        return dimension;
    }

    long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Evaluates the log density and gradient at {@code z.position}. */
    void evaluate(PhasePoint z) {
        z.logDensity = target.logDensityGradient(z.position, z.gradient);
        gradientEvaluations++;
    }

    /** H at {@code z}; +∞ where the log density is not finite or H is NaN. */
    double hamiltonian(PhasePoint z) {
        double h = -z.logDensity + metric.kineticEnergy(z.momentum);
        return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    /**
     * H at {@code z} and the velocity M⁻¹p in one pass over the metric (the kinetic energy is ½ p·M⁻¹p),
     * left in {@code z.velocity} and {@code z.hamiltonian}.
     *
     * @return H, or +∞ where it is NaN
     */
    double hamiltonianAndVelocity(PhasePoint z) {
        metric.velocity(z.momentum, z.velocity);
        double twiceKinetic = 0;
        double[] p = z.momentum;
        double[] v = z.velocity;
        for (int i = 0; i < p.length; i++) {
            twiceKinetic += p[i] * v[i];
        }
        return z.hamiltonian = energy(z.logDensity, twiceKinetic);
    }

    private static double energy(double logDensity, double twiceKinetic) {
        double h = -logDensity + 0.5 * twiceKinetic;
        return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    void sampleMomentum(RandomGenerator random, PhasePoint z) {
        metric.sampleMomentum(random, z.momentum);
    }

    /**
     * One leapfrog step of size {@code epsilon} (negative to go back in time) from {@code from} to
     * {@code to}: a half kick and the drift in one pass over the coordinates, the gradient at the new
     * position, then the second half kick together with the velocity and kinetic energy at the new point.
     *
     * @param from not modified (unless it is {@code to}): a point with its log density and gradient
     * @param to modified: the new point with its log density, gradient, velocity and Hamiltonian; may be
     *     {@code from} for a step in place
     * @return H at the new point, +∞ where it is NaN
     */
    double leapfrog(PhasePoint from, PhasePoint to, double epsilon) {
        double half = 0.5 * epsilon;
        metric.kickAndDrift(from.position, from.momentum, from.gradient, half, epsilon, to.position, to.momentum);
        evaluate(to);
        double twiceKinetic = metric.kickAndVelocity(to.momentum, to.gradient, half, to.velocity);
        return to.hamiltonian = energy(to.logDensity, twiceKinetic);
    }

    /** One leapfrog step in place; as {@link #leapfrog(PhasePoint, PhasePoint, double)} from z to z. */
    double leapfrog(PhasePoint z, double epsilon) {
        return leapfrog(z, z, epsilon);
    }
}
