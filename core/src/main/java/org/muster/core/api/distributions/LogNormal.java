package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The log-normal distribution: log x ~ Normal(mu, sigma), parameterized by the mean {@code mu} (a)
 * and standard deviation {@code sigma > 0} (b) of log x; c is unused. Support is x > 0.
 */
public final class LogNormal implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final LogNormal INSTANCE = new LogNormal();

    private static final List<String> PARAMETER_NAMES = List.of("mu", "sigma");

    private LogNormal() {
    }

    @Override
    public String name() {
        return "lognormal";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    private static boolean valid(double x, double mu, double sigma) {
        return DensityMath.isPositiveFinite(x) && Double.isFinite(mu)
                && DensityMath.isPositiveFinite(sigma);
    }

    @Override
    public double logDensity(double x, double mu, double sigma, double c) {
        if (!valid(x, mu, sigma)) {
            return Double.NEGATIVE_INFINITY;
        }
        double logX = Math.log(x);
        double z = (logX - mu) / sigma;
        return -0.5 * z * z - logX - Math.log(sigma) - DensityMath.HALF_LOG_TWO_PI;
    }

    @Override
    public double logDensityGradient(double x, double mu, double sigma, double c, double[] gradient) {
        if (!valid(x, mu, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logX = Math.log(x);
        double z = (logX - mu) / sigma;
        double logDensity = -0.5 * z * z - logX - Math.log(sigma) - DensityMath.HALF_LOG_TWO_PI;
        return DensityMath.setGradient(gradient, logDensity, -(1 + z / sigma) / x, z / sigma,
                (z * z - 1) / sigma, 0);
    }

    @Override
    public double sample(RandomGenerator random, double mu, double sigma, double c) {
        if (!(Double.isFinite(mu) && DensityMath.isPositiveFinite(sigma))) {
            throw DensityMath.invalid(name(), mu, sigma, c);
        }
        return Math.exp(mu + sigma * RandomVariates.standardNormal(random));
    }
}
