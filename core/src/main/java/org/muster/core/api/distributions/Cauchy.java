package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Cauchy distribution, parameterized by location {@code mu} (a) and scale {@code sigma > 0}
 * (b); c is unused.
 */
public final class Cauchy implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Cauchy INSTANCE = new Cauchy();

    private static final List<String> PARAMETER_NAMES = List.of("mu", "sigma");

    private Cauchy() {
    }

    @Override
    public String name() {
        return "cauchy";
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
        return -DensityMath.LOG_PI - Math.log(sigma) - Math.log1p(z * z);
    }

    @Override
    public double logDensityGradient(double x, double mu, double sigma, double c, double[] gradient) {
        if (!valid(x, mu, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double r = x - mu;
        double z = r / sigma;
        double z2 = z * z;
        double logDensity = -DensityMath.LOG_PI - Math.log(sigma) - Math.log1p(z2);
        double dx = -2 * r / (sigma * sigma + r * r);
        double dsigma = (z2 - 1) / (sigma * (1 + z2));
        return DensityMath.setGradient(gradient, logDensity, dx, -dx, dsigma, 0);
    }

    @Override
    public double sample(RandomGenerator random, double mu, double sigma, double c) {
        if (!(Double.isFinite(mu) && DensityMath.isPositiveFinite(sigma))) {
            throw DensityMath.invalid(name(), mu, sigma, c);
        }
        // Inversion of the CDF; u = 0 maps to tan(-π/2), which is finite in floating point.
        return mu + sigma * Math.tan(Math.PI * (random.nextDouble() - 0.5));
    }
}
