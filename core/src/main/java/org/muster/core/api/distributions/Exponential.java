package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The exponential distribution, parameterized by the rate {@code lambda > 0} (a), so the mean is
 * {@code 1 / lambda}; b and c are unused. As in Stan, x = 0 is included.
 */
public final class Exponential implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Exponential INSTANCE = new Exponential();

    private static final List<String> PARAMETER_NAMES = List.of("lambda");

    private Exponential() {
    }

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    private static boolean valid(double x, double rate) {
        return x >= 0 && x < Double.POSITIVE_INFINITY && DensityMath.isPositiveFinite(rate);
    }

    @Override
    public double logDensity(double x, double rate, double b, double c) {
        if (!valid(x, rate)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(rate) - rate * x;
    }

    @Override
    public double logDensityGradient(double x, double rate, double b, double c, double[] gradient) {
        if (!valid(x, rate)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logDensity = Math.log(rate) - rate * x;
        return DensityMath.setGradient(gradient, logDensity, -rate, 1 / rate - x, 0, 0);
    }

    @Override
    public double sample(RandomGenerator random, double rate, double b, double c) {
        if (!DensityMath.isPositiveFinite(rate)) {
            throw DensityMath.invalid(name(), rate, b, c);
        }
        // nextDouble() is in [0, 1), so 1 - u is in (0, 1] and the logarithm is finite.
        return -Math.log1p(-random.nextDouble()) / rate;
    }
}
