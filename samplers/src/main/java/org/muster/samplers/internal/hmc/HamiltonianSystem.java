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
    private final double[] velocity;
    private long gradientEvaluations;

    HamiltonianSystem(LogDensity target, Metric metric) {
        if (metric.dimension() != target.dimension()) {
            throw new IllegalArgumentException("metric of dimension " + metric.dimension() + " for a target of dimension "
                    + target.dimension());
        }
        this.target = target;
        this.metric = metric;
        this.velocity = new double[target.dimension()];
    }

    Metric metric() {
        return metric;
    }

    int dimension() {
        return velocity.length;
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
     * H at {@code z} and the velocity M⁻¹p in one pass over the metric (the kinetic energy is ½ p·M⁻¹p).
     *
     * @param velocityOut modified: M⁻¹p at {@code z}
     * @return H, or +∞ where it is not finite-or-infinite (NaN)
     */
    double hamiltonianAndVelocity(PhasePoint z, double[] velocityOut) {
        metric.velocity(z.momentum, velocityOut);
        double twiceKinetic = 0;
        double[] p = z.momentum;
        for (int i = 0; i < p.length; i++) {
            twiceKinetic += p[i] * velocityOut[i];
        }
        double h = -z.logDensity + 0.5 * twiceKinetic;
        return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    void sampleMomentum(RandomGenerator random, PhasePoint z) {
        metric.sampleMomentum(random, z.momentum);
    }

    /** M⁻¹p at {@code z}. @param out modified */
    void velocity(PhasePoint z, double[] out) {
        metric.velocity(z.momentum, out);
    }

    /** One leapfrog step of size {@code epsilon} (negative to go back in time), in place. */
    void leapfrog(PhasePoint z, double epsilon) {
        double half = 0.5 * epsilon;
        double[] q = z.position;
        double[] p = z.momentum;
        double[] g = z.gradient;
        for (int i = 0; i < p.length; i++) {
            p[i] += half * g[i];
        }
        metric.velocity(p, velocity);
        for (int i = 0; i < q.length; i++) {
            q[i] += epsilon * velocity[i];
        }
        evaluate(z);
        for (int i = 0; i < p.length; i++) {
            p[i] += half * g[i];
        }
    }
}
