package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Pareto distribution with minimum {@code yMin > 0} (a) and shape {@code alpha > 0} (b), as Stan's
 * {@code pareto}: density {@code alpha yMin^alpha / x^(alpha + 1)} for {@code x >= yMin}; c is unused.
 * (JAGS's {@code dpar(alpha, c)} is this with the arguments swapped.) Its support starts at a
 * parameter: a parameter with this distribution needs a transform onto {@code (yMin, inf)}, which a
 * model gets by wrapping the kernel in {@link Restricted} when yMin is fixed by the data; on the
 * positive reals the density is zero below yMin.
 */
public final class Pareto implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Pareto INSTANCE = new Pareto();

    private static final List<String> PARAMETER_NAMES = List.of("y_min", "alpha");

    private Pareto() {
    }

    @Override
    public String name() {
        return "pareto";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    private static boolean valid(double x, double yMin, double alpha) {
        return DensityMath.isPositiveFinite(yMin) && DensityMath.isPositiveFinite(alpha) && Double.isFinite(x)
                && x >= yMin;
    }

    @Override
    public double logDensity(double x, double yMin, double alpha, double c) {
        if (!valid(x, yMin, alpha)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(alpha) + alpha * Math.log(yMin) - (alpha + 1) * Math.log(x);
    }

    @Override
    public double logDensityGradient(double x, double yMin, double alpha, double c, double[] gradient) {
        if (!valid(x, yMin, alpha)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logDensity = Math.log(alpha) + alpha * Math.log(yMin) - (alpha + 1) * Math.log(x);
        return DensityMath.setGradient(gradient, logDensity, -(alpha + 1) / x, alpha / yMin,
                1 / alpha + Math.log(yMin) - Math.log(x), 0);
    }

    @Override
    public double sample(RandomGenerator random, double yMin, double alpha, double c) {
        if (!(DensityMath.isPositiveFinite(yMin) && DensityMath.isPositiveFinite(alpha))) {
            throw DensityMath.invalid(name(), yMin, alpha, c);
        }
        return yMin * Math.pow(1 - random.nextDouble(), -1 / alpha);
    }

    @Override
    public String toString() {
        return name();
    }
}
