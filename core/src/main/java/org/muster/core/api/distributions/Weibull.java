package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Weibull distribution with shape {@code alpha > 0} (a) and scale {@code sigma > 0} (b), as Stan's
 * {@code weibull}: density {@code (alpha / sigma) (x / sigma)^(alpha - 1) exp(-(x / sigma)^alpha)} on
 * x > 0; c is unused. (JAGS's {@code dweib(v, lambda)} is this with {@code alpha = v} and
 * {@code sigma = lambda^(-1/v)}.)
 */
public final class Weibull implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Weibull INSTANCE = new Weibull();

    private static final List<String> PARAMETER_NAMES = List.of("alpha", "sigma");

    private Weibull() {
    }

    @Override
    public String name() {
        return "weibull";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    private static boolean valid(double x, double alpha, double sigma) {
        return DensityMath.isPositiveFinite(x) && DensityMath.isPositiveFinite(alpha)
                && DensityMath.isPositiveFinite(sigma);
    }

    @Override
    public double logDensity(double x, double alpha, double sigma, double c) {
        if (!valid(x, alpha, sigma)) {
            return Double.NEGATIVE_INFINITY;
        }
        double logRatio = Math.log(x / sigma);
        return Math.log(alpha / sigma) + (alpha - 1) * logRatio - Math.exp(alpha * logRatio);
    }

    @Override
    public double logDensityGradient(double x, double alpha, double sigma, double c, double[] gradient) {
        if (!valid(x, alpha, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logRatio = Math.log(x / sigma);
        double power = Math.exp(alpha * logRatio);
        double logDensity = Math.log(alpha / sigma) + (alpha - 1) * logRatio - power;
        return DensityMath.setGradient(gradient, logDensity, ((alpha - 1) - alpha * power) / x,
                1 / alpha + logRatio - power * logRatio, (alpha * power - alpha) / sigma, 0);
    }

    @Override
    public double sample(RandomGenerator random, double alpha, double sigma, double c) {
        if (!(DensityMath.isPositiveFinite(alpha) && DensityMath.isPositiveFinite(sigma))) {
            throw DensityMath.invalid(name(), alpha, sigma, c);
        }
        return sigma * Math.pow(-Math.log1p(-random.nextDouble()), 1 / alpha);
    }

    @Override
    public String toString() {
        return name();
    }
}
