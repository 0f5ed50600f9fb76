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
    /**
     * A Poisson draw with the given mean, returned as a whole number in a double. Means below 10
     * use inversion by sequential search from 0; larger means use PTRS, the transformed rejection
     * with squeeze of W. Hörmann (1993), "The transformed rejection method for generating Poisson
     * random variables", Insurance: Mathematics and Economics 12(1), 39–45.
     *
     * @param mean finite and non-negative
     */
    public static double poisson(RandomGenerator random, double mean) {
        if (!(mean >= 0 && mean < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("poisson mean must be finite and non-negative, got "
                    + mean);
        }
        if (mean == 0) {
            return 0;
        }
        if (mean < 10) {
            return poissonInversion(random, mean);
        }
        return poissonTransformedRejection(random, mean);
    }

    private static double poissonInversion(RandomGenerator random, double mean) {
        double probabilityOfZero = Math.exp(-mean);
        while (true) {
            double u = random.nextDouble();
            double probability = probabilityOfZero;
            double cumulative = probability;
            int k = 0;
            while (u >= cumulative && probability > 0) {
                k++;
                probability *= mean / k;
                cumulative += probability;
            }
            // Only rounding can make the summed masses stay below u until they underflow; such a
            // u (probability near 1e-16) is drawn again rather than answered with a wrong tail.
            if (probability > 0) {
                return k;
            }
        }
    }

    private static double poissonTransformedRejection(RandomGenerator random, double mean) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        double acceptanceBoxHeight = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            // Inside this box the hat lies below the mass function, so no density is needed.
            if (us >= 0.07 && v <= acceptanceBoxHeight) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double logHat = Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b);
            if (logHat <= poissonLogMass(k, mean, logMean)) {
                return k;
            }
        }
    }

    /** log(mean^k e^-mean / k!), in a form that keeps its digits when k and mean are large. */
    private static double poissonLogMass(double k, double mean, double logMean) {
        if (k < 15) {
            return k * logMean - mean - DensityMath.logGamma(k + 1);
        }
        // Stirling's form of log k! with k log(mean / k) + (k - mean): no cancellation of two
        // terms of size k log k.
        return k * Math.log1p((mean - k) / k) + (k - mean) - 0.5 * Math.log(2 * Math.PI * k)
                - stirlingCorrection(k);
    }

    /**
     * The error of Stirling's formula, {@code log Γ(z) - ((z - 1/2) log z - z + log(2π)/2)}, for
     * z ≥ 1; asymptotic series beyond 15, where its next term is below 1e-13.
     */
    private static double stirlingCorrection(double z) {
        if (z < 15) {
            return DensityMath.logGamma(z) - ((z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI));
        }
        double inverse = 1 / z;
        double inverseSquared = inverse * inverse;
        return inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared
                * (1.0 / 1260 - inverseSquared / 1680)));
    }

    /**
     * A binomial draw of successes in {@code n} trials. Success probabilities above one half draw
     * the failures instead. Means {@code n p} below 10 use inversion by sequential search
     * (BINV in V. Kachitvichyanukul and B. W. Schmeiser (1988), "Binomial random variate
     * generation", Communications of the ACM 31(2), 216–222); larger means use BTRD, the
     * transformed rejection with decomposition of W. Hörmann (1993), "The generation of binomial
     * random variates", Journal of Statistical Computation and Simulation 46(1–2), 101–110.
     *
     * @param n non-negative
     * @param p in [0, 1]
     */
    public static int binomial(RandomGenerator random, int n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial needs n >= 0 and p in [0, 1], got n = " + n
                    + ", p = " + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        // 1 - p is exact for p > 1/2, so the flip costs no accuracy.
        if (p > 0.5) {
            return n - binomialSmallProbability(random, n, 1 - p);
        }
        return binomialSmallProbability(random, n, p);
    }

    private static int binomialSmallProbability(RandomGenerator random, int n, double p) {
        return n * p < 10 ? binomialInversion(random, n, p)
                : binomialTransformedRejection(random, n, p);
    }

    private static int binomialInversion(RandomGenerator random, int n, double p) {
        double odds = p / (1 - p);
        double scaledOdds = (n + 1.0) * odds;
        // With p <= 1/2 and n p < 10 this is at least exp(-14): no underflow.
        double probabilityOfZero = Math.exp(n * Math.log1p(-p));
        draw:
        while (true) {
            double u = random.nextDouble();
            double probability = probabilityOfZero;
            int k = 0;
            while (u >= probability) {
                u -= probability;
                k++;
                if (k > n) {
                    // Rounding left u above the total mass; draw again.
                    continue draw;
                }
                probability *= scaledOdds / k - odds;
            }
            return k;
        }
    }

    private static int binomialTransformedRejection(RandomGenerator random, int n, double p) {
        double q = 1 - p;
        double mean = n * p;
        double variance = mean * q;
        double spq = Math.sqrt(variance);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = mean + 0.5;
        double alpha = (2.83 + 5.1 / b) * spq;
        double boxHeight = 0.92 - 4.2 / b;
        double quickAcceptHeight = 0.86 * boxHeight;
        int mode = (int) Math.floor((n + 1.0) * p);
        double odds = p / q;
        double scaledOdds = (n + 1.0) * odds;
        while (true) {
            double v = random.nextDouble();
            double u;
            if (v <= quickAcceptHeight) {
                // The box under the mass function: v itself, rescaled, supplies u.
                u = v / boxHeight - 0.43;
                return (int) Math.floor((2 * a / (0.5 - Math.abs(u)) + b) * u + c);
            }
            if (v >= boxHeight) {
                u = random.nextDouble() - 0.5;
            } else {
                // The two thin strips beside the box, again reusing v for u.
                u = v / boxHeight - 0.93;
                u = Math.signum(u) * 0.5 - u;
                v = random.nextDouble() * boxHeight;
            }
            double us = 0.5 - Math.abs(u);
            double kReal = Math.floor((2 * a / us + b) * u + c);
            if (kReal < 0 || kReal > n) {
                continue;
            }
            int k = (int) kReal;
            v = v * alpha / (a / (us * us) + b);
            int distance = Math.abs(k - mode);
            if (distance <= 15) {
                // Near the mode the ratio f(k) / f(mode) is a short product of exact ratios.
                double ratio = 1;
                if (mode < k) {
                    for (int i = mode + 1; i <= k; i++) {
                        ratio *= scaledOdds / i - odds;
                    }
                } else {
                    for (int i = k + 1; i <= mode; i++) {
                        v *= scaledOdds / i - odds;
                    }
                }
                if (v <= ratio) {
                    return k;
                }
                continue;
            }
            v = Math.log(v);
            // Squeeze: bounds on log(f(k) / f(mode)) from its normal approximation.
            double rho = (distance / variance)
                    * (((distance / 3.0 + 0.625) * distance + 1.0 / 6.0) / variance + 0.5);
            double t = -(double) distance * distance / (2 * variance);
            if (v < t - rho) {
                return k;
            }
            if (v > t + rho) {
                continue;
            }
            double nm = n - mode + 1.0;
            double h = (mode + 0.5) * Math.log((mode + 1.0) / (odds * nm))
                    + stirlingCorrection(mode + 1.0) + stirlingCorrection(n - mode + 1.0);
            double nk = n - k + 1.0;
            double logRatio = h + (n + 1.0) * Math.log(nm / nk)
                    + (k + 0.5) * Math.log(nk * odds / (k + 1)) - stirlingCorrection(k + 1.0)
                    - stirlingCorrection(n - k + 1.0);
            if (v <= logRatio) {
                return k;
            }
        }
    }
}
