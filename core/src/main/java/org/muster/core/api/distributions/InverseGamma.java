package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The inverse gamma distribution, parameterized by shape {@code alpha > 0} (a) and scale
 * {@code beta > 0} (b), as Stan's {@code inv_gamma}: 1/x ~ Gamma(alpha, rate beta); c is unused.
 */
public final class InverseGamma implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final InverseGamma INSTANCE = new InverseGamma();

    private static final List<String> PARAMETER_NAMES = List.of("alpha", "beta");

    private InverseGamma() {
    }

    @Override
    public String name() {
        return "inv_gamma";
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
        return alpha * Math.log(beta) - DensityMath.logGamma(alpha) - (alpha + 1) * Math.log(x) - beta / x;
    }

    @Override
    public double logDensityGradient(double x, double alpha, double beta, double c,
            double[] gradient) {
        if (!valid(x, alpha, beta)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logX = Math.log(x);
        double logBeta = Math.log(beta);
        double inverseX = 1 / x;
        double logDensity = alpha * logBeta - DensityMath.logGamma(alpha) - (alpha + 1) * logX - beta / x;
        return DensityMath.setGradient(gradient, logDensity,
                (beta * inverseX - (alpha + 1)) * inverseX,
                logBeta - DensityMath.digamma(alpha) - logX, alpha / beta - inverseX, 0);
    }

    @Override
    public double sample(RandomGenerator random, double alpha, double beta, double c) {
        if (!(DensityMath.isPositiveFinite(alpha) && DensityMath.isPositiveFinite(beta))) {
            throw DensityMath.invalid(name(), alpha, beta, c);
        }
        return beta / RandomVariates.gamma(random, alpha);
    }
}
