package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The gamma distribution, parameterized by shape {@code alpha > 0} (a) and rate {@code beta > 0}
 * (b), as Stan's {@code gamma}: mean {@code alpha / beta}; c is unused. Support is x > 0.
 */
public final class Gamma implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Gamma INSTANCE = new Gamma();

    private static final List<String> PARAMETER_NAMES = List.of("alpha", "beta");

    private Gamma() {
    }

    @Override
    public String name() {
        return "gamma";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    private static boolean valid(double x, double alpha, double beta) {
        return DensityMath.isPositiveFinite(x) && DensityMath.isPositiveFinite(alpha)
                && DensityMath.isPositiveFinite(beta);
    }

    @Override
    public double logDensity(double x, double alpha, double beta, double c) {
        if (!valid(x, alpha, beta)) {
            return Double.NEGATIVE_INFINITY;
        }
        return alpha * Math.log(beta) - DensityMath.logGamma(alpha)
                + (alpha - 1) * Math.log(x) - beta * x;
    }

    @Override
    public double logDensityGradient(double x, double alpha, double beta, double c,
            double[] gradient) {
        if (!valid(x, alpha, beta)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logX = Math.log(x);
        double logBeta = Math.log(beta);
        double logDensity = alpha * logBeta - DensityMath.logGamma(alpha)
                + (alpha - 1) * logX - beta * x;
        return DensityMath.setGradient(gradient, logDensity, (alpha - 1) / x - beta,
                logBeta - DensityMath.digamma(alpha) + logX,
                alpha / beta - x, 0);
    }

    @Override
    public double sample(RandomGenerator random, double alpha, double beta, double c) {
        if (!(DensityMath.isPositiveFinite(alpha) && DensityMath.isPositiveFinite(beta))) {
            throw DensityMath.invalid(name(), alpha, beta, c);
        }
        return RandomVariates.gamma(random, alpha) / beta;
    }
}
