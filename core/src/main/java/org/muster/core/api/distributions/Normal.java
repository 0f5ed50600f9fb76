package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The normal distribution, parameterized by mean {@code mu} (a) and standard deviation
 * {@code sigma > 0} (b); c is unused.
 */
public final class Normal implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Normal INSTANCE = new Normal();

    private static final List<String> PARAMETER_NAMES = List.of("mu", "sigma");

    private Normal() {
    }

    @Override
    public String name() {
        return "normal";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.REAL;
    }

    private static boolean valid(double x, double mu, double sigma) {
        return Double.isFinite(x) && Double.isFinite(mu) && DensityMath.isPositiveFinite(sigma);
    }

    @Override
    public double logDensity(double x, double mu, double sigma, double c) {
        if (!valid(x, mu, sigma)) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = (x - mu) / sigma;
        return -0.5 * z * z - Math.log(sigma) - DensityMath.HALF_LOG_TWO_PI;
    }

    @Override
    public double logDensityGradient(double x, double mu, double sigma, double c, double[] gradient) {
        if (!valid(x, mu, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double z = (x - mu) / sigma;
        double logDensity = -0.5 * z * z - Math.log(sigma) - DensityMath.HALF_LOG_TWO_PI;
        return DensityMath.setGradient(gradient, logDensity, -z / sigma, z / sigma,
                (z * z - 1) / sigma, 0);
    }

    @Override
    public double sample(RandomGenerator random, double mu, double sigma, double c) {
        if (!(Double.isFinite(mu) && DensityMath.isPositiveFinite(sigma))) {
            throw DensityMath.invalid(name(), mu, sigma, c);
        }
        return mu + sigma * RandomVariates.standardNormal(random);
    }
}
