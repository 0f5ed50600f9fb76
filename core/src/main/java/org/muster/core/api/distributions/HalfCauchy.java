package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The half-Cauchy distribution, the Cauchy with location 0 folded onto x ≥ 0, parameterized by the
 * scale {@code sigma > 0} (a); b and c are unused. The density is finite at x = 0, which is
 * therefore included.
 */
public final class HalfCauchy implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final HalfCauchy INSTANCE = new HalfCauchy();

    private static final List<String> PARAMETER_NAMES = List.of("sigma");

    private static final double LOG_NORMALIZER = DensityMath.LOG_TWO - DensityMath.LOG_PI;

    private HalfCauchy() {
    }

    @Override
    public String name() {
        return "half_cauchy";
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
        return LOG_NORMALIZER - Math.log(sigma) - Math.log1p(z * z);
    }

    @Override
    public double logDensityGradient(double x, double sigma, double b, double c, double[] gradient) {
        if (!valid(x, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double z = x / sigma;
        double z2 = z * z;
        double logDensity = LOG_NORMALIZER - Math.log(sigma) - Math.log1p(z2);
        double dx = -2 * x / (sigma * sigma + x * x);
        double dsigma = (z2 - 1) / (sigma * (1 + z2));
        return DensityMath.setGradient(gradient, logDensity, dx, dsigma, 0, 0);
    }

    @Override
    public double sample(RandomGenerator random, double sigma, double b, double c) {
        if (!DensityMath.isPositiveFinite(sigma)) {
            throw DensityMath.invalid(name(), sigma, b, c);
        }
        // Inversion of the CDF (2/π) atan(x / sigma).
        return sigma * Math.tan(0.5 * Math.PI * random.nextDouble());
    }
}
