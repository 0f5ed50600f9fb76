package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks of sample moments of independent draws against known values, in units of Monte Carlo standard
 * error, as {@link UnivariateDistributionContract} checks a kernel's random draws. (Core's own tests keep
 * a copy: core cannot depend on this module, which depends on core.)
 */
public final class SampleMoments {

    private SampleMoments() {
    }

    /**
     * Asserts the sample mean and variance of {@code draws} (not modified) are within
     * {@code standardErrors} standard errors of {@code mean} and {@code variance}; NaN skips a
     * check. The variance's standard error uses the sample fourth central moment.
     */
    public static void check(String label, double[] draws, double mean, double variance,
            double standardErrors) {
        int n = draws.length;
        double sum = 0;
        for (double draw : draws) {
            sum += draw;
        }
        double sampleMean = sum / n;
        double m2 = 0;
        double m4 = 0;
        for (double draw : draws) {
            double d = (draw - sampleMean) * (draw - sampleMean);
            m2 += d;
            m4 += d * d;
        }
        double sampleVariance = m2 / (n - 1);
        m4 /= n;
        if (!Double.isNaN(mean)) {
            double spread = Double.isNaN(variance) ? sampleVariance : variance;
            assertEquals(mean, sampleMean, standardErrors * Math.sqrt(spread / n), label + " mean");
        }
        if (!Double.isNaN(variance)) {
            double standardError = Math.sqrt((m4 - sampleVariance * sampleVariance) / n);
            assertEquals(variance, sampleVariance, standardErrors * standardError, label + " variance");
        }
    }
}
