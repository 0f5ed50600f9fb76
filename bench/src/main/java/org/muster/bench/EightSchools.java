package org.muster.bench;

import static org.muster.core.api.Distributions.halfCauchy;
import static org.muster.core.api.Distributions.normal;

import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;

/**
 * The non-centered eight-schools model (Rubin 1981; Gelman et al., BDA3 §5.5), the model Stan's
 * published per-gradient timings use: mu ~ N(0, 5), tau ~ half-Cauchy(0, 5), z_j ~ N(0, 1),
 * theta = mu + tau · z, y_j ~ N(theta_j, sigma_j).
 */
public final class EightSchools {

    /** Estimated treatment effects of the eight schools. */
    static final double[] EFFECTS = {28, 8, -3, 7, -1, 1, 18, 12};

    /** Standard errors of the estimated effects. */
    static final double[] STANDARD_ERRORS = {15, 10, 16, 11, 9, 11, 10, 18};

    private EightSchools() {
    }

    /** The model on the eight schools' data (10 unconstrained coordinates: mu, log tau, z[1..8]). */
    public static Model model() {
        ModelBuilder b = Model.builder();
        Node sigma = b.data("sigma", STANDARD_ERRORS);
        Node mu = b.stochastic("mu", normal(0, 5));
        Node tau = b.stochastic("tau", halfCauchy(5));
        Node z = b.stochastic("z", EFFECTS.length, normal(0, 1));
        Node theta = b.deterministic("theta", mu.plus(tau.times(z)));
        b.observed("y", normal(theta, sigma), EFFECTS);
        return b.build();
    }
}
