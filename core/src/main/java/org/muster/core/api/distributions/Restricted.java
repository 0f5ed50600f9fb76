package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.transforms.MemberBounds;
import org.muster.core.api.transforms.Transform;

/**
 * A plate of parameters with a univariate distribution whose members are each restricted to bounds of
 * their own, without renormalizing: the density is the base's, and the transform keeps member i
 * inside {@code (lower[i], upper[i])}. This is a censored value's full conditional given that it
 * lies in its censoring interval (BUGS's {@code dinterval} and {@code I(,)}), and a support that starts
 * at a fixed parameter (a Pareto's minimum). For parameters only: an observed value is never checked
 * against the bounds, which the transform alone enforces.
 */
public final class Restricted implements UnivariateDistribution {

    private final UnivariateDistribution base;
    private final MemberBounds bounds;

    private Restricted(UnivariateDistribution base, MemberBounds bounds) {
        this.base = base;
        this.bounds = bounds;
    }

    /**
     * The base distribution with member i restricted to {@code (lower[i], upper[i])}.
     *
     * @param lower not modified (copied); {@code -inf} for no lower bound
     * @param upper not modified (copied); {@code +inf} for no upper bound
     * @throws IllegalArgumentException if the base is discrete or a lower bound is not below its upper bound
     */
    public static Restricted of(UnivariateDistribution base, double[] lower, double[] upper) {
        if (base.support().isDiscrete()) {
            throw new IllegalArgumentException("cannot restrict the discrete " + base.name() + " member by member");
        }
        double[] lo = lower.clone();
        double[] hi = upper.clone();
        Support support = base.support();
        for (int i = 0; i < lo.length; i++) {
            if (support == Support.POSITIVE || support == Support.UNIT_INTERVAL) {
                lo[i] = Math.max(lo[i], 0);
            }
            if (support == Support.UNIT_INTERVAL) {
                hi[i] = Math.min(hi[i], 1);
            }
        }
        return new Restricted(base, MemberBounds.of(lo, hi));
    }

    public UnivariateDistribution base() {
        return base;
    }

    /** The bounds of each member. */
    public MemberBounds bounds() {
        return bounds;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public List<String> parameterNames() {
        return base.parameterNames();
    }

    @Override
    public Support support() {
        return base.support();
    }

    @Override
    public Transform parameterTransform() {
        return bounds;
    }

    @Override
    public double logDensity(double x, double a, double b, double c) {
        return base.logDensity(x, a, b, c);
    }

    @Override
    public double logDensityGradient(double x, double a, double b, double c, double[] gradient) {
        return base.logDensityGradient(x, a, b, c, gradient);
    }

    /** A draw from the base distribution; the member's bounds are not known here, so it may fall outside them. */
    @Override
    public double sample(RandomGenerator random, double a, double b, double c) {
        return base.sample(random, a, b, c);
    }

    @Override
    public String toString() {
        return name() + " restricted member by member";
    }
}
