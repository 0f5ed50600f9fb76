package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Poisson distribution of counts on the log scale, parameterized by the log mean {@code alpha}
 * (a), so that {@code lambda = exp(alpha)}; b and c are unused.
 */
public final class PoissonLog implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final PoissonLog INSTANCE = new PoissonLog();

    private static final List<String> PARAMETER_NAMES = List.of("alpha");

    private PoissonLog() {
    }

    @Override
    public String name() {
        return "poisson_log";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.NONNEGATIVE_INTEGER;
    }

    private static boolean valid(double x, double alpha) {
        return Poisson.validCount(x) && Double.isFinite(alpha);
    }

    @Override
    public double logDensity(double x, double alpha, double b, double c) {
        if (!valid(x, alpha)) {
            return Double.NEGATIVE_INFINITY;
        }
        // For alpha above ~709, exp overflows and the mass is correctly -inf (x is finite).
        return x * alpha - Math.exp(alpha) - DensityMath.logGamma(x + 1);
    }

    @Override
    public double logDensityGradient(double x, double alpha, double b, double c, double[] gradient) {
        if (!valid(x, alpha)) {
            return DensityMath.zeroGradient(gradient);
        }
        double lambda = Math.exp(alpha);
        double logDensity = x * alpha - lambda - DensityMath.logGamma(x + 1);
        return DensityMath.setGradient(gradient, logDensity, 0, x - lambda, 0, 0);
    }

    @Override
    public double sample(RandomGenerator random, double alpha, double b, double c) {
        double lambda = Math.exp(alpha);
        if (!(lambda < Double.POSITIVE_INFINITY)) {
            throw DensityMath.invalid(name(), alpha, b, c);
        }
        return RandomVariates.poisson(random, lambda);
    }
}
