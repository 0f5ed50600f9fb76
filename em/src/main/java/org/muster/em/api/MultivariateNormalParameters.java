package org.muster.em.api;

import java.util.Arrays;

/**
 * The mean and covariance of a p-variate normal. Arrays are copied in and out.
 *
 * @param mean p values
 * @param covariance p×p, symmetric
 */
public record MultivariateNormalParameters(double[] mean, double[][] covariance) {

    public MultivariateNormalParameters {
        int p = mean.length;
        if (p == 0 || covariance.length != p) {
            throw new IllegalArgumentException("need a mean of p >= 1 values and a p×p covariance, got " + p + " and "
                    + covariance.length + " rows");
        }
        double[][] copy = new double[p][];
        for (int a = 0; a < p; a++) {
            if (covariance[a].length != p) {
                throw new IllegalArgumentException("covariance row " + (a + 1) + " has " + covariance[a].length
                        + " values, expected " + p);
            }
            copy[a] = covariance[a].clone();
        }
        mean = mean.clone();
        covariance = copy;
    }

    /** The dimension p. */
    public int dimension() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] covariance() {
        double[][] out = new double[covariance.length][];
        for (int a = 0; a < out.length; a++) {
            out[a] = covariance[a].clone();
        }
        return out;
    }

    double[] flatCovariance() {
        int p = mean.length;
        double[] flat = new double[p * p];
        for (int a = 0; a < p; a++) {
            System.arraycopy(covariance[a], 0, flat, a * p, p);
        }
        return flat;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultivariateNormalParameters m && Arrays.equals(mean, m.mean)
                && Arrays.deepEquals(covariance, m.covariance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.deepHashCode(covariance);
    }

    @Override
    public String toString() {
        return "MultivariateNormalParameters[mean=" + Arrays.toString(mean) + ", covariance="
                + Arrays.deepToString(covariance) + "]";
    }
}
