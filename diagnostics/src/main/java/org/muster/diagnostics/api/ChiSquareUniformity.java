package org.muster.diagnostics.api;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test that values in [0, 1) are uniform, over equal bins: the classic test of a
 * rank histogram in simulation-based calibration (Talts et al. 2018). Immutable.
 *
 * @param counts how many values fell in each bin (bin b holds [b/B, (b+1)/B)); not modified once made
 * @param statistic sum over bins of (count - expected)^2 / expected
 * @param degreesOfFreedom bins - 1
 * @param pValue the probability of a statistic at least this large if the values are uniform
 */
public record ChiSquareUniformity(int[] counts, double statistic, int degreesOfFreedom, double pValue) {

    public ChiSquareUniformity {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /**
     * The test of {@code values} over {@code bins} equal bins.
     *
     * @param values not modified; each in [0, 1)
     * @throws IllegalArgumentException for fewer than 2 bins, no values, or a value outside [0, 1)
     */
    public static ChiSquareUniformity test(double[] values, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("a chi-square test needs at least 2 bins, got " + bins);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("a chi-square test needs at least one value");
        }
        int[] counts = new int[bins];
        for (double value : values) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("values must be in [0, 1), got " + value);
            }
            counts[Math.min(bins - 1, (int) (value * bins))]++;
        }
        double expected = (double) values.length / bins;
        double statistic = 0;
        for (int count : counts) {
            statistic += (count - expected) * (count - expected) / expected;
        }
        double p = 1 - new ChiSquaredDistribution(null, bins - 1).cumulativeProbability(statistic);
        return new ChiSquareUniformity(counts, statistic, bins - 1, Math.max(0, p));
    }
}
