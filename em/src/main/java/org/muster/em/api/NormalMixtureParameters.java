package org.muster.em.api;

import java.util.Arrays;

/**
 * A one-dimensional mixture of K normals: weight, mean and standard deviation of each component.
 * Arrays are copied in and out.
 */
public record NormalMixtureParameters(double[] weights, double[] means, double[] sds) {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    public NormalMixtureParameters {
        if (weights.length == 0 || weights.length != means.length || weights.length != sds.length) {
            throw new IllegalArgumentException("weights, means and sds need the same positive length, got "
                    + weights.length + ", " + means.length + ", " + sds.length);
        }
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || !(sds[k] > 0) || !Double.isFinite(means[k]) || !Double.isFinite(sds[k])) {
                throw new IllegalArgumentException("component " + (k + 1) + ": weight " + weights[k] + ", mean " + means[k]
                        + ", sd " + sds[k] + " (need weight >= 0, finite mean, finite sd > 0)");
            }
            total += weights[k];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("weights sum to " + total + ", not 1");
        }
        weights = weights.clone();
        means = means.clone();
        sds = sds.clone();
    }

    /** Number of components. */
    public int components() {
        return weights.length;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] sds() {
        return sds.clone();
    }

    /**
     * log p(x) and the responsibilities p(component k | x).
     *
     * @param responsibilities modified: receives K values summing to 1
     */
    public double logDensity(double x, double[] responsibilities) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double z = (x - means[k]) / sds[k];
            responsibilities[k] = Math.log(weights[k]) - Math.log(sds[k]) - HALF_LOG_TWO_PI - 0.5 * z * z;
            max = Math.max(max, responsibilities[k]);
        }
        // Log-sum-exp around the largest term keeps tail points from underflowing to a zero density.
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            responsibilities[k] = Math.exp(responsibilities[k] - max);
            sum += responsibilities[k];
        }
        for (int k = 0; k < weights.length; k++) {
            responsibilities[k] /= sum;
        }
        return max + Math.log(sum);
    }

    /** The log likelihood of {@code data} (not modified). */
    public double logLikelihood(double[] data) {
        double[] scratch = new double[weights.length];
        double sum = 0;
        for (double x : data) {
            sum += logDensity(x, scratch);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "NormalMixtureParameters[weights=" + Arrays.toString(weights) + ", means=" + Arrays.toString(means)
                + ", sds=" + Arrays.toString(sds) + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NormalMixtureParameters p && Arrays.equals(weights, p.weights)
                && Arrays.equals(means, p.means) && Arrays.equals(sds, p.sds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.hashCode(means)) + Arrays.hashCode(sds);
    }
}
