package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Bernoulli distribution on {0, 1} on the log-odds scale, parameterized by the log-odds
 * {@code alpha} of success (a), so that {@code p = 1 / (1 + exp(-alpha))}; b and c are unused.
 */
public final class BernoulliLogit implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final BernoulliLogit INSTANCE = new BernoulliLogit();

    private static final List<String> PARAMETER_NAMES = List.of("alpha");

    private BernoulliLogit() {
    }

    @Override
    public String name() {
        return "bernoulli_logit";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.BINARY;
    }

    private static boolean valid(double x, double alpha) {
        return (x == 0 || x == 1) && Double.isFinite(alpha);
    }

    @Override
    public double logDensity(double x, double alpha, double b, double c) {
        if (!valid(x, alpha)) {
            return Double.NEGATIVE_INFINITY;
        }
        return DensityMath.logInverseLogit(x == 1 ? alpha : -alpha);
    }

    @Override
    public double logDensityGradient(double x, double alpha, double b, double c, double[] gradient) {
        if (!valid(x, alpha)) {
            return DensityMath.zeroGradient(gradient);
        }
        // With s = alpha for y = 1 and -alpha for y = 0: log p(y) = log inv_logit(s), and d/dalpha is
        // ±inv_logit(-s) (1 - p and -p, each formed directly so neither cancels when p is near 0 or 1).
        // One exp(-|s|) serves both.
        double s = x == 1 ? alpha : -alpha;
        double e = Math.exp(-Math.abs(s));
        double logDensity = (s < 0 ? s : 0) - DensityMath.log1pUnit(e);
        double inverseLogitOfMinusS = s < 0 ? 1 / (1 + e) : e / (1 + e);
        double dalpha = x == 1 ? inverseLogitOfMinusS : -inverseLogitOfMinusS;
        return DensityMath.setGradient(gradient, logDensity, 0, dalpha, 0, 0);
    }

    @Override
    public double sample(RandomGenerator random, double alpha, double b, double c) {
        if (!Double.isFinite(alpha)) {
            throw DensityMath.invalid(name(), alpha, b, c);
        }
        return random.nextDouble() < DensityMath.inverseLogit(alpha) ? 1 : 0;
    }
}
