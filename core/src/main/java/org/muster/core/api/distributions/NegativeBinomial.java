package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The negative binomial distribution of counts in Stan's {@code neg_binomial_2} form,
 * parameterized by the mean {@code mu > 0} (a) and the precision {@code phi > 0} (b), so the
 * variance is {@code mu + mu² / phi}; c is unused. It is a gamma mixture of Poissons.
 */
public final class NegativeBinomial implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final NegativeBinomial INSTANCE = new NegativeBinomial();

    private static final List<String> PARAMETER_NAMES = List.of("mu", "phi");

    private NegativeBinomial() {
    }

    @Override
    public String name() {
        return "neg_binomial_2";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    @Override
    public Support support() {
        return Support.NONNEGATIVE_INTEGER;
    }

    private static boolean valid(double x, double mu, double phi) {
        return Poisson.validCount(x) && DensityMath.isPositiveFinite(mu)
                && DensityMath.isPositiveFinite(phi);
    }

    private static double logDensityUnchecked(double x, double mu, double phi) {
        // log(mu / (mu + phi)) and log(phi / (mu + phi)) as -log1p of a ratio: no cancellation
        // when one of mu and phi is much smaller than the other.
        double logDensity = -phi * Math.log1p(mu / phi) - DensityMath.logGamma(x + 1);
        if (x > 0) {
            logDensity += DensityMath.logGamma(x + phi) - DensityMath.logGamma(phi) - x * Math.log1p(phi / mu);
        }
        return logDensity;
    }

    @Override
    public double logDensity(double x, double mu, double phi, double c) {
        if (!valid(x, mu, phi)) {
            return Double.NEGATIVE_INFINITY;
        }
        return logDensityUnchecked(x, mu, phi);
    }

    @Override
    public double logDensityGradient(double x, double mu, double phi, double c, double[] gradient) {
        if (!valid(x, mu, phi)) {
            return DensityMath.zeroGradient(gradient);
        }
        double logDensity = logDensityUnchecked(x, mu, phi);
        double sum = mu + phi;
        // x/mu - (x+phi)/(mu+phi) over a common denominator, so it is exactly 0 at x = mu.
        double dmu = phi * (x - mu) / (mu * sum);
        double dphi = (x > 0 ? DensityMath.digamma(x + phi) - DensityMath.digamma(phi) : 0)
                - Math.log1p(mu / phi) + (mu - x) / sum;
        return DensityMath.setGradient(gradient, logDensity, 0, dmu, dphi, 0);
    }

    @Override
    public double sample(RandomGenerator random, double mu, double phi, double c) {
        if (!(DensityMath.isPositiveFinite(mu) && DensityMath.isPositiveFinite(phi))) {
            throw DensityMath.invalid(name(), mu, phi, c);
        }
        // Poisson with a Gamma(phi, rate phi / mu) mean has exactly this distribution.
        return RandomVariates.poisson(random, RandomVariates.gamma(random, phi) * (mu / phi));
    }
}
