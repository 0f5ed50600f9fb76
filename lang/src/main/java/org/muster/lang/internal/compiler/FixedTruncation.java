package org.muster.lang.internal.compiler;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.distributions.Support;
import org.muster.core.api.distributions.Truncated;
import org.muster.core.api.distributions.UnivariateDistribution;
import org.muster.core.api.transforms.Transform;

/**
 * {@code T(lower, upper)} on a distribution whose parameters are all fixed numbers (as a truncated prior,
 * {@code tau ~ dt(0, 0.04, 1) T(0, )}, mostly is): the truncation's log mass log P(lower <= X <= upper) does
 * not change during a fit, so it is computed once here instead of a CDF (an incomplete beta for the t) at
 * every evaluation. The density, support, transform and draws are {@link Truncated}'s; the gradient in x is
 * the base's. The gradient in the parameters leaves out the mass's, which is no loss: the parameters are
 * numbers, not nodes, and nothing reads it.
 */
final class FixedTruncation implements UnivariateDistribution {

    private final Truncated truncated;
    private final double logMass;

    private FixedTruncation(Truncated truncated, double logMass) {
        this.truncated = truncated;
        this.logMass = logMass;
    }

    /**
     * The truncation with its log mass computed at the given parameters, or the truncation itself when the
     * mass is not finite at a point inside the bounds (then every evaluation computes it, as before).
     */
    static UnivariateDistribution of(Truncated truncated, double a, double b, double c) {
        double lower = truncated.lower();
        double upper = truncated.upper();
        double x = lower > Double.NEGATIVE_INFINITY && upper < Double.POSITIVE_INFINITY ? 0.5 * (lower + upper)
                : lower > Double.NEGATIVE_INFINITY ? lower + 1 : upper < Double.POSITIVE_INFINITY ? upper - 1 : 0;
        double logMass = truncated.base().logDensity(x, a, b, c) - truncated.logDensity(x, a, b, c);
        return Double.isFinite(logMass) ? new FixedTruncation(truncated, logMass) : truncated;
    }

    /** The truncation this stands for. */
    Truncated truncated() {
        return truncated;
    }

    @Override
    public String name() {
        return truncated.name();
    }

    @Override
    public List<String> parameterNames() {
        return truncated.parameterNames();
    }

    @Override
    public Support support() {
        return truncated.support();
    }

    @Override
    public Transform parameterTransform() {
        return truncated.parameterTransform();
    }

    private boolean inside(double x) {
        return x >= truncated.lower() && x <= truncated.upper();
    }

    @Override
    public double logDensity(double x, double a, double b, double c) {
        if (!inside(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        return truncated.base().logDensity(x, a, b, c) - logMass;
    }

    @Override
    public double logDensityGradient(double x, double a, double b, double c, double[] gradient) {
        if (!inside(x)) {
            return truncated.logDensityGradient(x, a, b, c, gradient);
        }
        double logDensity = truncated.base().logDensityGradient(x, a, b, c, gradient);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return truncated.logDensityGradient(x, a, b, c, gradient);
        }
        return logDensity - logMass;
    }

    @Override
    public double sample(RandomGenerator random, double a, double b, double c) {
        return truncated.sample(random, a, b, c);
    }

    @Override
    public String toString() {
        return truncated.toString();
    }
}
