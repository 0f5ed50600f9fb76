package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The logistic distribution with location {@code mu} (a) and scale {@code sigma > 0} (b), as Stan's
 * {@code logistic}: density {@code exp(-z) / (sigma (1 + exp(-z))²)} with {@code z = (x - mu) / sigma};
 * c is unused. (JAGS's {@code dlogis(mu, tau)} is this with {@code sigma = 1 / tau}.)
 */
public final class Logistic implements UnivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Logistic INSTANCE = new Logistic();

    private static final List<String> PARAMETER_NAMES = List.of("mu", "sigma");

    private Logistic() {
    }

    @Override
    public String name() {
        return "logistic";
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
        // -|z| - 2 log(1 + exp(-|z|)) is symmetric in z and never overflows.
        double a = Math.abs(z);
        return -a - 2 * Math.log1p(Math.exp(-a)) - Math.log(sigma);
    }

    @Override
    public double logDensityGradient(double x, double mu, double sigma, double c, double[] gradient) {
        if (!valid(x, mu, sigma)) {
            return DensityMath.zeroGradient(gradient);
        }
        double z = (x - mu) / sigma;
        double a = Math.abs(z);
        double logDensity = -a - 2 * Math.log1p(Math.exp(-a)) - Math.log(sigma);
        // d/dz log f = -tanh(z / 2) = 2 invLogit(-z) - 1.
        double dz = -Math.tanh(z / 2);
        return DensityMath.setGradient(gradient, logDensity, dz / sigma, -dz / sigma, -dz * z / sigma - 1 / sigma, 0);
    }

    @Override
    public double sample(RandomGenerator random, double mu, double sigma, double c) {
        if (!(Double.isFinite(mu) && DensityMath.isPositiveFinite(sigma))) {
            throw DensityMath.invalid(name(), mu, sigma, c);
        }
        double u = random.nextDouble();
        while (u == 0) {
            u = random.nextDouble();
        }
        return mu + sigma * Math.log(u / (1 - u));
    }

    @Override
    public String toString() {
        return name();
    }
}
