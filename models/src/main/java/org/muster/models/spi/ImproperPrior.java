package org.muster.models.spi;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.distributions.Support;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * An improper prior density {@code x^power} on its support ({@code power = 0}: flat). Fine for
 * fitting when the data make the posterior proper; it has no draws, so prior predictive simulation
 * asks for a proper prior instead.
 */
final class ImproperPrior implements UnivariateDistribution {

    private final Support support;
    private final double power;
    private final String description;

    ImproperPrior(Support support, double power, String description) {
        if (support != Support.REAL && support != Support.POSITIVE && support != Support.UNIT_INTERVAL) {
            throw new IllegalArgumentException("an improper prior needs a real, positive or unit-interval support");
        }
        if (power != 0 && support == Support.REAL) {
            throw new IllegalArgumentException("a power-law prior needs a positive support");
        }
        this.support = support;
        this.power = power;
        this.description = description;
    }

    @Override
    public String name() {
        return description;
    }

    @Override
    public List<String> parameterNames() {
        return List.of();
    }

    @Override
    public Support support() {
        return support;
    }

    private boolean inSupport(double x) {
        return switch (support) {
            case POSITIVE -> x > 0 && x < Double.POSITIVE_INFINITY;
            case UNIT_INTERVAL -> x > 0 && x < 1;
            default -> Double.isFinite(x);
        };
    }

    @Override
    public double logDensity(double x, double a, double b, double c) {
        if (!inSupport(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        return power == 0 ? 0 : power * Math.log(x);
    }

    @Override
    public double logDensityGradient(double x, double a, double b, double c, double[] gradient) {
        gradient[1] = 0;
        gradient[2] = 0;
        gradient[3] = 0;
        if (!inSupport(x)) {
            gradient[0] = 0;
            return Double.NEGATIVE_INFINITY;
        }
        gradient[0] = power == 0 ? 0 : power / x;
        return power == 0 ? 0 : power * Math.log(x);
    }

    @Override
    public double sample(RandomGenerator random, double a, double b, double c) {
        throw new IllegalArgumentException("an improper prior has no draws");
    }

    @Override
    public String toString() {
        return description;
    }
}
