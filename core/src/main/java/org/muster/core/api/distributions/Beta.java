package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The beta distribution on the open unit interval, parameterized by the shapes {@code alpha > 0}
 * (a) and {@code beta > 0} (b); c is unused.
 */
public final class Beta implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Beta INSTANCE = new Beta();

    private static final List<String> PARAMETER_NAMES = List.of("alpha", "beta");

    private Beta() {
    }

    @Override
    public String name() {
        return "beta";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.UNIT_INTERVAL;
    }

    private static boolean valid(double x, double alpha, double beta) {
        return x > 0 && x < 1 && DensityMath.isPositiveFinite(alpha)
                && DensityMath.isPositiveFinite(beta);
    }

    @Override
    public double logDensity(double x, double alpha, double beta, double c) {
        if (!valid(x, alpha, beta)) {
            return Double.NEGATIVE_INFINITY;
        }
        // log1p(-x) keeps the digits of log(1 - x) for x near 0.
        return (alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x)
                - DensityMath.logBeta(alpha, beta);
    }

    @Override
    public double logDensityGradient(double x, double alpha, double beta, double c,
            double[] gradient) {
        if (!valid(x, alpha, beta)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logX = Math.log(x);
        double log1mX = Math.log1p(-x);
        double logDensity = (alpha - 1) * logX + (beta - 1) * log1mX
                - DensityMath.logBeta(alpha, beta);
        double digammaSum = DensityMath.digamma(alpha + beta);
        return DensityMath.setGradient(gradient, logDensity, (alpha - 1) / x - (beta - 1) / (1 - x),
                digammaSum - DensityMath.digamma(alpha) + logX, digammaSum - DensityMath.digamma(beta) + log1mX,
                0);
    }

    @Override
    public double sample(RandomGenerator random, double alpha, double beta, double c) {
        if (!(DensityMath.isPositiveFinite(alpha) && DensityMath.isPositiveFinite(beta))) {
            throw DensityMath.invalid(name(), alpha, beta, c);
        }
        return RandomVariates.beta(random, alpha, beta);
    }
}
