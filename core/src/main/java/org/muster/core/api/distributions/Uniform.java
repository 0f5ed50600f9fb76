package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The continuous uniform distribution on [lower, upper], parameterized by {@code lower} (a) and
 * {@code upper > lower} (b); c is unused. As in Stan, the end points carry the density.
 */
public final class Uniform implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Uniform INSTANCE = new Uniform();

    private static final List<String> PARAMETER_NAMES = List.of("lower", "upper");

    private Uniform() {
    }

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.PARAMETER_INTERVAL;
    }

    private static boolean valid(double x, double lower, double upper) {
        // upper - lower must also be finite, or the density would be zero for every x.
        return Double.isFinite(lower) && Double.isFinite(upper) && lower < upper
                && Double.isFinite(upper - lower) && x >= lower && x <= upper;
    }

    @Override
    public double logDensity(double x, double lower, double upper, double c) {
        if (!valid(x, lower, upper)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -Math.log(upper - lower);
    }

    @Override
    public double logDensityGradient(double x, double lower, double upper, double c,
            double[] gradient) {
        if (!valid(x, lower, upper)) {
            return DensityMath.zeroGradient(gradient);
        }
        double width = upper - lower;
        return DensityMath.setGradient(gradient, -Math.log(width), 0, 1 / width, -1 / width, 0);
    }

    @Override
    public double sample(RandomGenerator random, double lower, double upper, double c) {
        if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper
                && Double.isFinite(upper - lower))) {
            throw DensityMath.invalid(name(), lower, upper, c);
        }
        double x = lower + (upper - lower) * random.nextDouble();
        // Rounding can land exactly on upper, which is in the support; nothing beyond it can occur.
        return Math.min(x, upper);
    }
}
