package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Poisson distribution of counts, parameterized by the mean {@code lambda ≥ 0} (a); b and c
 * are unused.
 */
public final class Poisson implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Poisson INSTANCE = new Poisson();

    private static final List<String> PARAMETER_NAMES = List.of("lambda");

    private Poisson() {
    }

    @Override
    public String name() {
        return "poisson";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.NONNEGATIVE_INTEGER;
    }

    /** Whether x is a count 0, 1, 2, .... */
    static boolean validCount(double x) {
        return DensityMath.isInteger(x) && x >= 0;
    }

    private static boolean valid(double x, double lambda) {
        return validCount(x) && lambda >= 0 && lambda < Double.POSITIVE_INFINITY;
    }

    @Override
    public double logDensity(double x, double lambda, double b, double c) {
        if (!valid(x, lambda)) {
            return Double.NEGATIVE_INFINITY;
        }
        // Skipping the term for x = 0 makes lambda = 0 give log 1 instead of 0 * -inf = NaN.
        double logDensity = -lambda - DensityMath.logGamma(x + 1);
        return x > 0 ? logDensity + x * Math.log(lambda) : logDensity;
    }

    @Override
    public double logDensityGradient(double x, double lambda, double b, double c, double[] gradient) {
        double logDensity = logDensity(x, lambda, b, c);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return DensityMath.zeroGradient(gradient);
        }
        double dlambda = x > 0 ? x / lambda - 1 : -1;
        return DensityMath.setGradient(gradient, logDensity, 0, dlambda, 0, 0);
    }

    @Override
    public double sample(RandomGenerator random, double lambda, double b, double c) {
        if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
            throw DensityMath.invalid(name(), lambda, b, c);
        }
        return RandomVariates.poisson(random, lambda);
    }
}
