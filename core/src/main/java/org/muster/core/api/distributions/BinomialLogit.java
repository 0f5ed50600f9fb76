package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The binomial distribution on the log-odds scale, parameterized by the number of trials {@code n}
 * (a, a non-negative integer) and the log-odds {@code alpha} of success (b), so that
 * {@code p = 1 / (1 + exp(-alpha))}; c is unused. Computed without forming p, so it stays finite
 * and accurate for |alpha| in the hundreds.
 */
public final class BinomialLogit implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final BinomialLogit INSTANCE = new BinomialLogit();

    private static final List<String> PARAMETER_NAMES = List.of("n", "alpha");

    private BinomialLogit() {
    }

    @Override
    public String name() {
        return "binomial_logit";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.BOUNDED_INTEGER;
    }

    private static boolean valid(double x, double n, double alpha) {
        return Binomial.validCount(x, n) && Double.isFinite(alpha);
    }

    @Override
    public double logDensity(double x, double n, double alpha, double c) {
        if (!valid(x, n, alpha)) {
            return Double.NEGATIVE_INFINITY;
        }
        // log(1 - p) = log_inv_logit(-alpha): both terms avoid exp overflow and 1 - p cancellation.
        return Binomial.logChoose(n, x) + x * DensityMath.logInverseLogit(alpha)
                + (n - x) * DensityMath.logInverseLogit(-alpha);
    }

    @Override
    public double logDensityGradient(double x, double n, double alpha, double c,
            double[] gradient) {
        if (!valid(x, n, alpha)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logDensity = logDensity(x, n, alpha, c);
        // x (1 - p) - (n - x) p equals x - n p but keeps its digits when p is near 0 or 1.
        double dalpha = x * DensityMath.inverseLogit(-alpha)
                - (n - x) * DensityMath.inverseLogit(alpha);
        return DensityMath.setGradient(gradient, logDensity, 0, 0, dalpha, 0);
    }

    @Override
    public double sample(RandomGenerator random, double n, double alpha, double c) {
        if (!(DensityMath.isInteger(n) && n >= 0 && n <= Integer.MAX_VALUE
                && Double.isFinite(alpha))) {
            throw DensityMath.invalid(name(), n, alpha, c);
        }
        return RandomVariates.binomial(random, (int) n, DensityMath.inverseLogit(alpha));
    }
}
