package org.muster.em.api;

import java.util.Arrays;
import org.muster.em.internal.linalg.Cholesky;

/**
 * A mixture of K d-variate normals with full covariance matrices: each component's weight, mean and
 * covariance, with the covariances' Cholesky factors computed once here so that densities never invert
 * a matrix. Immutable; arrays are copied in and out.
 */
public final class MultivariateNormalMixtureParameters {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final int components;
    private final int dimension;
    private final double[] weights;
    private final double[] logWeights;
    /** K×d, row-major. */
    private final double[] means;
    /** K blocks of d×d, row-major. */
    private final double[] covariances;
    /** The lower Cholesky factor of each covariance, same layout. */
    private final double[] factors;
    /** log w_k - ½ log det Σ_k - (d/2) log 2π. */
    private final double[] logNormalizers;

    /**
     * @param weights K values ≥ 0 summing to 1
     * @param means K rows of d values
     * @param covariances K symmetric positive definite d×d matrices
     * @throws IllegalArgumentException naming the component whose values are invalid or whose covariance
     *     is not positive definite
     */
    public MultivariateNormalMixtureParameters(double[] weights, double[][] means, double[][][] covariances) {
        this(weights, flatten(means, weights.length, "means"), flattenMatrices(covariances, weights.length,
                means.length == 0 ? 0 : means[0].length), means.length == 0 ? 0 : means[0].length);
    }

    MultivariateNormalMixtureParameters(double[] weights, double[] means, double[] covariances, int dimension) {
        this.components = weights.length;
        this.dimension = dimension;
        if (components == 0 || dimension == 0 || means.length != components * dimension
                || covariances.length != components * dimension * dimension) {
            throw new IllegalArgumentException("need K >= 1 weights, K means of d >= 1 values and K d×d covariances");
        }
        double total = 0;
        for (int k = 0; k < components; k++) {
            if (!(weights[k] >= 0)) {
                throw new IllegalArgumentException("component " + (k + 1) + ": weight " + weights[k] + " (need >= 0)");
            }
            total += weights[k];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("weights sum to " + total + ", not 1");
        }
        for (int i = 0; i < means.length; i++) {
            if (!Double.isFinite(means[i])) {
                throw new IllegalArgumentException("component " + (i / dimension + 1) + ": mean has " + means[i]);
            }
        }
        this.weights = weights.clone();
        this.means = means.clone();
        this.covariances = covariances.clone();
        this.factors = new double[covariances.length];
        this.logWeights = new double[components];
        this.logNormalizers = new double[components];
        int block = dimension * dimension;
        for (int k = 0; k < components; k++) {
            for (int a = 0; a < dimension; a++) {
                for (int b = 0; b < a; b++) {
                    double ab = covariances[k * block + a * dimension + b];
                    double ba = covariances[k * block + b * dimension + a];
                    if (!(Math.abs(ab - ba) <= 1e-9 * Math.max(1, Math.abs(ab)))) {
                        throw new IllegalArgumentException("component " + (k + 1) + ": covariance is not symmetric");
                    }
                }
            }
            if (Cholesky.decompose(covariances, k * block, dimension, factors, k * block, 0) >= 0) {
                throw new IllegalArgumentException("component " + (k + 1) + ": covariance is not positive definite");
            }
            logWeights[k] = Math.log(this.weights[k]);
            logNormalizers[k] = logWeights[k] - 0.5 * Cholesky.logDeterminant(factors, k * block, dimension)
                    - dimension * HALF_LOG_TWO_PI;
        }
    }

    private static double[] flatten(double[][] rows, int count, String what) {
        if (rows.length != count || count == 0) {
            throw new IllegalArgumentException("need one of the " + what + " per weight, got " + rows.length + " for "
                    + count + " weights");
        }
        int d = rows[0].length;
        double[] flat = new double[count * d];
        for (int k = 0; k < count; k++) {
            if (rows[k].length != d) {
                throw new IllegalArgumentException("component " + (k + 1) + ": " + rows[k].length + " values, expected " + d);
            }
            System.arraycopy(rows[k], 0, flat, k * d, d);
        }
        return flat;
    }

    private static double[] flattenMatrices(double[][][] matrices, int count, int d) {
        if (matrices.length != count) {
            throw new IllegalArgumentException("need one covariance per weight, got " + matrices.length + " for " + count);
        }
        double[] flat = new double[count * d * d];
        for (int k = 0; k < count; k++) {
            if (matrices[k].length != d) {
                throw new IllegalArgumentException("component " + (k + 1) + ": covariance is not " + d + "×" + d);
            }
            for (int a = 0; a < d; a++) {
                if (matrices[k][a].length != d) {
                    throw new IllegalArgumentException("component " + (k + 1) + ": covariance is not " + d + "×" + d);
                }
                System.arraycopy(matrices[k][a], 0, flat, k * d * d + a * d, d);
            }
        }
        return flat;
    }

    /** Number of components K. */
    public int components() {
        return components;
    }

    /** Dimension d of each observation. */
    public int dimension() {
        return dimension;
    }

    /** The K weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** The mean of component {@code k} (0-based), d values. */
    public double[] mean(int k) {
        return Arrays.copyOfRange(means, k * dimension, (k + 1) * dimension);
    }

    /** The covariance of component {@code k} (0-based), d×d. */
    public double[][] covariance(int k) {
        double[][] out = new double[dimension][];
        for (int a = 0; a < dimension; a++) {
            int from = k * dimension * dimension + a * dimension;
            out[a] = Arrays.copyOfRange(covariances, from, from + dimension);
        }
        return out;
    }

    /**
     * log p(x) and the responsibilities p(component k | x), by log-sum-exp over the components.
     *
     * @param data not modified: x is the d values at {@code offset}
     * @param responsibilities modified: receives K values summing to 1
     * @param scratch modified: at least d values of work space
     */
    public double logDensity(double[] data, int offset, double[] responsibilities, double[] scratch) {
        int d = dimension;
        int block = d * d;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            for (int j = 0; j < d; j++) {
                scratch[j] = data[offset + j] - means[k * d + j];
            }
            Cholesky.forwardSolve(factors, k * block, d, scratch, 0, scratch, 0);
            double squared = 0;
            for (int j = 0; j < d; j++) {
                squared += scratch[j] * scratch[j];
            }
            double term = logNormalizers[k] - 0.5 * squared;
            responsibilities[k] = term;
            max = Math.max(max, term);
        }
        // Subtracting the largest term keeps points far from every component from underflowing to density 0.
        double sum = 0;
        for (int k = 0; k < components; k++) {
            responsibilities[k] = Math.exp(responsibilities[k] - max);
            sum += responsibilities[k];
        }
        for (int k = 0; k < components; k++) {
            responsibilities[k] /= sum;
        }
        return max + Math.log(sum);
    }

    /** log p(x) for the row {@code x} (not modified). */
    public double logDensity(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " values, got " + x.length);
        }
        return logDensity(x, 0, new double[components], new double[dimension]);
    }

    /**
     * log p(μ_k, Σ_k) under the normal–inverse-Wishart part of {@code prior} plus the Dirichlet part,
     * up to an additive constant: Σ_k [-(ν + d + 2)/2 log det Σ_k - ½ tr(Λ Σ_k⁻¹) - κ/2 (μ_k - μ₀)ᵀ Σ_k⁻¹
     * (μ_k - μ₀)] + (α - 1) Σ_k log w_k.
     */
    double logPriorDensity(MixturePrior prior) {
        int d = dimension;
        int block = d * d;
        double[] scale = prior.scale();
        double[] priorMean = prior.mean();
        double[] scratch = new double[d];
        double sum = prior.logWeightDensity(weights);
        for (int k = 0; k < components; k++) {
            double logDeterminant = Cholesky.logDeterminant(factors, k * block, d);
            double trace = Cholesky.traceOfSolve(factors, k * block, d, scale, 0, scratch);
            for (int j = 0; j < d; j++) {
                scratch[j] = means[k * d + j] - priorMean[j];
            }
            Cholesky.forwardSolve(factors, k * block, d, scratch, 0, scratch, 0);
            double squared = 0;
            for (int j = 0; j < d; j++) {
                squared += scratch[j] * scratch[j];
            }
            sum += -0.5 * (prior.degreesOfFreedom() + d + 2) * logDeterminant - 0.5 * trace
                    - 0.5 * prior.meanShrinkage() * squared;
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MultivariateNormalMixtureParameters[");
        for (int k = 0; k < components; k++) {
            s.append(k == 0 ? "" : "; ").append("w=").append(weights[k]).append(" mean=")
                    .append(Arrays.toString(mean(k))).append(" covariance=").append(Arrays.deepToString(covariance(k)));
        }
        return s.append(']').toString();
    }
}
