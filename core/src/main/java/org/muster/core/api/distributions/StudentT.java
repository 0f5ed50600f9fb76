package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Student's t distribution in location-scale form, parameterized by degrees of freedom
 * {@code nu > 0} (a), location {@code mu} (b) and scale {@code sigma > 0} (c), as Stan's
 * {@code student_t}.
 */
public final class StudentT implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final StudentT INSTANCE = new StudentT();

    private static final List<String> PARAMETER_NAMES = List.of("nu", "mu", "sigma");

    private StudentT() {
    }

    @Override
    public String name() {
        return "student_t";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.REAL;
    }

    private static boolean valid(double x, double nu, double mu, double sigma) {
        return Double.isFinite(x) && DensityMath.isPositiveFinite(nu) && Double.isFinite(mu)
                && DensityMath.isPositiveFinite(sigma);
    }

    private static double logDensityUnchecked(double nu, double sigma, double t) {
        return DensityMath.logGamma(0.5 * (nu + 1)) - DensityMath.logGamma(0.5 * nu)
                - 0.5 * Math.log(nu) - 0.5 * DensityMath.LOG_PI - Math.log(sigma)
                - 0.5 * (nu + 1) * Math.log1p(t);
    }

    @Override
    public double logDensity(double x, double nu, double mu, double sigma) {
        if (!valid(x, nu, mu, sigma)) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = (x - mu) / sigma;
        return logDensityUnchecked(nu, sigma, z * z / nu);
    }

    @Override
    public double logDensityGradient(double x, double nu, double mu, double sigma,
            double[] gradient) {
        if (!valid(x, nu, mu, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double r = x - mu;
        double z = r / sigma;
        double t = z * z / nu;
        double logDensity = logDensityUnchecked(nu, sigma, t);
        // Written with r and sigma squared, not t, so that x far in the tails does not lose digits.
        double dx = -(nu + 1) * r / (nu * sigma * sigma + r * r);
        double share = t / (1 + t);
        double dnu = 0.5 * (DensityMath.digamma(0.5 * (nu + 1)) - DensityMath.digamma(0.5 * nu) - 1 / nu
                - Math.log1p(t) + (nu + 1) * share / nu);
        double dsigma = ((nu + 1) * share - 1) / sigma;
        return DensityMath.setGradient(gradient, logDensity, dx, dnu, -dx, dsigma);
    }

    @Override
    public double sample(RandomGenerator random, double nu, double mu, double sigma) {
        if (!(DensityMath.isPositiveFinite(nu) && Double.isFinite(mu)
                && DensityMath.isPositiveFinite(sigma))) {
            throw DensityMath.invalid(name(), nu, mu, sigma);
        }
        // T = Z / sqrt(W / nu) with W ~ chi-square(nu) = 2 Gamma(nu / 2, 1).
        double chiSquare = 2 * RandomVariates.gamma(random, 0.5 * nu);
        return mu + sigma * RandomVariates.standardNormal(random) / Math.sqrt(chiSquare / nu);
    }
}
