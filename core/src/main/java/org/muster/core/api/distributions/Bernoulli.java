package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Bernoulli distribution on {0, 1}, parameterized by the success probability {@code p} in
 * [0, 1] (a); b and c are unused.
 */
public final class Bernoulli implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Bernoulli INSTANCE = new Bernoulli();

    private static final List<String> PARAMETER_NAMES = List.of("p");

    private Bernoulli() {
    }

    @Override
    public String name() {
        return "bernoulli";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.BINARY;
    }

    private static boolean valid(double x, double p) {
        return (x == 0 || x == 1) && p >= 0 && p <= 1;
    }

    @Override
    public double logDensity(double x, double p, double b, double c) {
        if (!valid(x, p)) {
            return Double.NEGATIVE_INFINITY;
        }
        return x == 1 ? Math.log(p) : Math.log1p(-p);
    }

    @Override
    public double logDensityGradient(double x, double p, double b, double c, double[] gradient) {
        double logDensity = logDensity(x, p, b, c);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return DensityMath.zeroGradient(gradient);
        }
        double dp = x == 1 ? 1 / p : -1 / (1 - p);
        return DensityMath.setGradient(gradient, logDensity, 0, dp, 0, 0);
    }

    @Override
    public double sample(RandomGenerator random, double p, double b, double c) {
        if (!(p >= 0 && p <= 1)) {
            throw DensityMath.invalid(name(), p, b, c);
        }
        // nextDouble() is in [0, 1): p = 0 never succeeds and p = 1 always does.
        return random.nextDouble() < p ? 1 : 0;
    }
}
