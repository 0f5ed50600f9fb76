package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The binomial distribution of successes in {@code n} trials, parameterized by the number of trials
 * {@code n} (a, a non-negative integer) and the success probability {@code p} in [0, 1] (b); c is
 * unused. The gradient with respect to {@code n} is 0, as for every integer argument.
 */
public final class Binomial implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Binomial INSTANCE = new Binomial();

    private static final List<String> PARAMETER_NAMES = List.of("n", "p");

    private Binomial() {
    }

    @Override
    public String name() {
        return "binomial";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.BOUNDED_INTEGER;
    }

    /** Whether n is a valid number of trials and x a count in 0..n. */
    static boolean validCount(double x, double n) {
        return DensityMath.isInteger(n) && n >= 0 && DensityMath.isInteger(x) && x >= 0 && x <= n;
    }

    /** log of the binomial coefficient (n choose x), for valid counts. */
    static double logChoose(double n, double x) {
        return DensityMath.logGamma(n + 1) - DensityMath.logGamma(x + 1) - DensityMath.logGamma(n - x + 1);
    }

    private static boolean valid(double x, double n, double p) {
        return validCount(x, n) && p >= 0 && p <= 1;
    }

    @Override
    public double logDensity(double x, double n, double p, double c) {
        if (!valid(x, n, p)) {
            return Double.NEGATIVE_INFINITY;
        }
        double logDensity = logChoose(n, x);
        // Terms with a zero count are skipped, not multiplied, so that p = 0 or 1 gives 0, not NaN.
        if (x > 0) {
            logDensity += x * Math.log(p);
        }
        if (x < n) {
            logDensity += (n - x) * Math.log1p(-p);
        }
        return logDensity;
    }

    @Override
    public double logDensityGradient(double x, double n, double p, double c, double[] gradient) {
        double logDensity = logDensity(x, n, p, c);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return DensityMath.zeroGradient(gradient);
        }
        double dp = 0;
        if (x > 0) {
            dp += x / p;
        }
        if (x < n) {
            dp -= (n - x) / (1 - p);
        }
        return DensityMath.setGradient(gradient, logDensity, 0, 0, dp, 0);
    }

    @Override
    public double sample(RandomGenerator random, double n, double p, double c) {
        if (!(DensityMath.isInteger(n) && n >= 0 && n <= Integer.MAX_VALUE && p >= 0 && p <= 1)) {
            throw DensityMath.invalid(name(), n, p, c);
        }
        return RandomVariates.binomial(random, (int) n, p);
    }
}
