package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.transforms.Transform;
import org.muster.core.api.transforms.Transforms;

/**
 * A univariate distribution truncated to fixed bounds {@code [lower, upper]} (either may be infinite),
 * as BUGS's {@code T(lower, upper)}: the base density divided by the base's mass inside the bounds,
 * which depends on the parameters and enters the gradient. For a discrete base the bounds are
 * inclusive ({@code lower <= x <= upper}, mass {@code F(upper) - F(lower - 1)}). A parameter is
 * sampled through the transform onto the bounds. Supported bases: those with a distribution function
 * here (normal, log-normal, logistic, exponential, Weibull, Pareto, uniform, gamma, Student t, beta,
 * Poisson, binomial).
 */
public final class Truncated implements UnivariateDistribution {

    private static final int REJECTION_ATTEMPTS = 1000;

    private final UnivariateDistribution base;
    private final double lower;
    private final double upper;
    private final boolean discrete;

    private Truncated(UnivariateDistribution base, double lower, double upper) {
        this.base = base;
        this.lower = lower;
        this.upper = upper;
        this.discrete = base.support().isDiscrete();
    }

    /**
     * The base distribution truncated to {@code [lower, upper]}.
     *
     * @throws IllegalArgumentException if the bounds are NaN or not ordered, or the base has no
     *     distribution function here (naming the ones that do)
     */
    public static Truncated of(UnivariateDistribution base, double lower, double upper) {
        if (!DistributionFunctions.supports(base)) {
            throw new IllegalArgumentException("cannot truncate " + base.name() + ": truncation needs its distribution"
                    + " function, available for normal, lognormal, logistic, exponential, weibull, pareto, uniform,"
                    + " gamma, student_t, beta, poisson and binomial");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower <= upper)
                || (!base.support().isDiscrete() && lower == upper)) {
            throw new IllegalArgumentException("truncation bounds (" + lower + ", " + upper + ") are not ordered");
        }
        return new Truncated(base, lower, upper);
    }

    /** Whether {@link #of} can truncate this kernel. */
    public static boolean supports(UnivariateDistribution base) {
        return DistributionFunctions.supports(base);
    }

    public UnivariateDistribution base() {
        return base;
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    @Override
    public String name() {
        return base.name() + " truncated to [" + lower + ", " + upper + "]";
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
        if (discrete) {
            return Transforms.discrete();
        }
        boolean hasLower = lower > Double.NEGATIVE_INFINITY;
        boolean hasUpper = upper < Double.POSITIVE_INFINITY;
        Support support = base.support();
        double effectiveLower = support == Support.POSITIVE || support == Support.UNIT_INTERVAL
                ? Math.max(lower, 0) : lower;
        double effectiveUpper = support == Support.UNIT_INTERVAL ? Math.min(upper, 1) : upper;
        hasLower = effectiveLower > Double.NEGATIVE_INFINITY;
        hasUpper = effectiveUpper < Double.POSITIVE_INFINITY;
        if (hasLower && hasUpper) {
            return Transforms.interval(effectiveLower, effectiveUpper);
        }
        if (hasLower) {
            return Transforms.lower(effectiveLower);
        }
        if (hasUpper) {
            return Transforms.upper(effectiveUpper);
        }
        return Transforms.identity();
    }

    private boolean inside(double x) {
        return x >= lower && x <= upper;
    }

    /**
     * log P(lower <= X <= upper), and its gradient in entries 0..2 of {@code gradient} when not null.
     *
     * @param work modified: three entries of scratch, which may be {@code gradient} itself
     */
    private double logMass(double a, double b, double c, double[] gradient, double[] work) {
        double from = discrete ? Math.ceil(lower) - 1 : lower;
        boolean hasLower = from > Double.NEGATIVE_INFINITY;
        boolean hasUpper = upper < Double.POSITIVE_INFINITY;
        double[] g1 = gradient == null ? null : work;
        if (!hasLower && !hasUpper) {
            if (gradient != null) {
                gradient[0] = gradient[1] = gradient[2] = 0;
            }
            return 0;
        }
        if (!hasUpper) {
            double s = DistributionFunctions.probability(base, from, a, b, c, true, g1);
            scale(gradient, g1, 1 / s);
            return Math.log(s);
        }
        if (!hasLower) {
            double f = DistributionFunctions.probability(base, upper, a, b, c, false, g1);
            scale(gradient, g1, 1 / f);
            return Math.log(f);
        }
        // Subtract in whichever tail the lower bound sits, so the difference keeps its accuracy.
        boolean upperTail = DistributionFunctions.probability(base, from, a, b, c, false, null) > 0.5;
        double atLower;
        double atUpper;
        if (gradient == null) {
            atLower = DistributionFunctions.probability(base, from, a, b, c, upperTail, null);
            atUpper = DistributionFunctions.probability(base, upper, a, b, c, upperTail, null);
        } else {
            atLower = DistributionFunctions.probability(base, from, a, b, c, upperTail, work);
            double l0 = work[0];
            double l1 = work[1];
            double l2 = work[2];
            atUpper = DistributionFunctions.probability(base, upper, a, b, c, upperTail, work);
            double mass = upperTail ? atLower - atUpper : atUpper - atLower;
            double sign = upperTail ? 1 : -1;
            gradient[0] = sign * (l0 - work[0]) / mass;
            gradient[1] = sign * (l1 - work[1]) / mass;
            gradient[2] = sign * (l2 - work[2]) / mass;
            return Math.log(mass);
        }
        return Math.log(upperTail ? atLower - atUpper : atUpper - atLower);
    }

    private static void scale(double[] gradient, double[] g, double factor) {
        if (gradient != null) {
            gradient[0] = g[0] * factor;
            gradient[1] = g[1] * factor;
            gradient[2] = g[2] * factor;
        }
    }

    @Override
    public double logDensity(double x, double a, double b, double c) {
        if (!inside(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        double logDensity = base.logDensity(x, a, b, c);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return logDensity;
        }
        double logMass = logMass(a, b, c, null, null);
        return logMass > Double.NEGATIVE_INFINITY ? logDensity - logMass : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double logDensityGradient(double x, double a, double b, double c, double[] gradient) {
        if (!inside(x)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logDensity = base.logDensityGradient(x, a, b, c, gradient);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return DensityMath.zeroGradient(gradient);
        }
        double g0 = gradient[0];
        double g1 = gradient[1];
        double g2 = gradient[2];
        double g3 = gradient[3];
        // The caller's array, its base gradient saved, holds the mass's gradient: nothing is allocated.
        double logMass = logMass(a, b, c, gradient, gradient);
        if (!(logMass > Double.NEGATIVE_INFINITY)) {
            return DensityMath.zeroGradient(gradient);
        }
        double m0 = gradient[0];
        double m1 = gradient[1];
        double m2 = gradient[2];
        gradient[0] = g0;
        gradient[1] = g1 - m0;
        gradient[2] = g2 - m1;
        gradient[3] = g3 - m2;
        return logDensity - logMass;
    }

    @Override
    public double sample(RandomGenerator random, double a, double b, double c) {
        for (int attempt = 0; attempt < REJECTION_ATTEMPTS; attempt++) {
            double x = base.sample(random, a, b, c);
            if (inside(x)) {
                return x;
            }
        }
        if (!discrete && base instanceof Normal && upper - lower < Double.POSITIVE_INFINITY) {
            return lower + (upper - lower) * random.nextDouble();
        }
        throw new IllegalArgumentException("cannot draw from " + name() + " with parameters (" + a + ", " + b + ", " + c
                + "): the bounds hold too little of its mass for rejection sampling");
    }

    @Override
    public String toString() {
        return name();
    }
}
