package org.muster.core.api.distributions;

import java.util.random.RandomGenerator;

/**
 * Exact generators of standard random variates shared by the distribution kernels. Randomness comes
 * only from the generator argument, so a seeded stream gives reproducible draws.
 */
public final class RandomVariates {

    private RandomVariates() {
    }

    /** A standard normal draw. */
    public static double standardNormal(RandomGenerator random) {
        return random.nextGaussian();
    }

    /**
     * A Gamma(shape, 1) draw by Marsaglia and Tsang (2000), "A simple method for generating gamma
     * variables", ACM TOMS 26(3); shapes below one use the boost {@code G(a) = G(a+1) U^(1/a)}.
     *
     * @param shape positive
     */
    public static double gamma(RandomGenerator random, double shape) {
        if (!(shape > 0)) {
            throw new IllegalArgumentException("gamma shape must be positive, got " + shape);
        }
        if (shape < 1) {
            // The boost keeps the squeeze valid; the log form avoids underflow of U^(1/a) for tiny a.
            double g = gamma(random, shape + 1);
            double logU = Math.log(random.nextDouble());
            return Math.exp(Math.log(g) + logU / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double z2 = z * z;
            if (u < 1.0 - 0.0331 * z2 * z2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * z2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A Beta(a, b) draw as a ratio of gamma draws. */
    public static double beta(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }
}
