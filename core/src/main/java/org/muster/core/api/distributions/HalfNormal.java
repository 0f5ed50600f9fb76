package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The half-normal distribution, the normal with mean 0 folded onto x ≥ 0, parameterized by the
 * scale {@code sigma > 0} (a); b and c are unused. The density is {@code 2 N(x | 0, sigma)}; it is
 * finite at x = 0, which is therefore included, as in Stan's {@code normal} with a lower bound.
 */
public final class HalfNormal implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final HalfNormal INSTANCE = new HalfNormal();

    private static final List<String> PARAMETER_NAMES = List.of("sigma");

    private static final double LOG_NORMALIZER = DensityMath.LOG_TWO - DensityMath.HALF_LOG_TWO_PI;

    private HalfNormal() {
    }

    @Override
    public String name() {
        return "half_normal";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    private static boolean valid(double x, double sigma) {
        return x >= 0 && x < Double.POSITIVE_INFINITY && DensityMath.isPositiveFinite(sigma);
    }

    @Override
    public double logDensity(double x, double sigma, double b, double c) {
        if (!valid(x, sigma)) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = x / sigma;
        return LOG_NORMALIZER - 0.5 * z * z - Math.log(sigma);
    }

    @Override
    public double logDensityGradient(double x, double sigma, double b, double c, double[] gradient) {
        if (!valid(x, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double z = x / sigma;
        double logDensity = LOG_NORMALIZER - 0.5 * z * z - Math.log(sigma);
        return DensityMath.setGradient(gradient, logDensity, -z / sigma, (z * z - 1) / sigma, 0, 0);
    }

    @Override
    public double sample(RandomGenerator random, double sigma, double b, double c) {
        if (!DensityMath.isPositiveFinite(sigma)) {
            throw DensityMath.invalid(name(), sigma, b, c);
        }
        return sigma * Math.abs(RandomVariates.standardNormal(random));
    }
}
