package org.muster.em.api;

import java.util.Arrays;
import org.muster.em.internal.linalg.Cholesky;

/**
 * A conjugate prior that turns mixture EM into MAP-EM: a symmetric Dirichlet(α) on the weights and,
 * for each component independently, a normal–inverse-Wishart on its mean and covariance,
 * Σ_k ~ IW(ν, Λ) and μ_k | Σ_k ~ N(μ₀, Σ_k / κ). The inverse-Wishart keeps every covariance at least
 * Λ / (n_k + ν + d + 2), so no component can collapse onto a point; the default
 * ({@link #fraleyRaftery}) is the weak data-scaled prior of Fraley &amp; Raftery, "Bayesian
 * regularization for normal mixture estimation and model-based clustering", <i>J. Classification</i>
 * 24 (2007), which mclust uses. Arrays are copied in and out.
 *
 * @param dirichletConcentration α ≥ 1 (1 is flat on the weights)
 * @param mean μ₀, d values
 * @param meanShrinkage κ &gt; 0, the prior's worth in observations for each mean
 * @param degreesOfFreedom ν &gt; d - 1
 * @param scale Λ, a symmetric positive definite d×d matrix, row-major
 */
public record MixturePrior(double dirichletConcentration, double[] mean, double meanShrinkage, double degreesOfFreedom,
        double[] scale) {

    public MixturePrior {
        int d = mean.length;
        if (d == 0 || scale.length != d * d) {
            throw new IllegalArgumentException("the prior needs a mean of d >= 1 values and a d×d scale, got "
                    + mean.length + " and " + scale.length + " values");
        }
        if (!(dirichletConcentration >= 1) || !(meanShrinkage > 0) || !(degreesOfFreedom > d - 1)
                || !Double.isFinite(dirichletConcentration + meanShrinkage + degreesOfFreedom)) {
            throw new IllegalArgumentException("the prior needs Dirichlet concentration >= 1, mean shrinkage > 0 and"
                    + " degrees of freedom > d - 1 = " + (d - 1) + "; got " + dirichletConcentration + ", "
                    + meanShrinkage + ", " + degreesOfFreedom);
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("the prior mean must be finite, got " + Arrays.toString(mean));
            }
        }
        if (Cholesky.decompose(scale, 0, d, new double[d * d], 0, 0) >= 0) {
            throw new IllegalArgumentException("the prior scale matrix must be positive definite, got "
                    + Arrays.toString(scale));
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /**
     * Fraley &amp; Raftery's default for d-variate data: α = 1, μ₀ the data mean, κ = 0.01, ν = d + 2,
     * Λ the data covariance divided by K^(2/d).
     *
     * @param data not modified: n rows of d values
     */
    public static MixturePrior fraleyRaftery(double[][] data, int components) {
        if (data.length < 2 || components < 1) {
            throw new IllegalArgumentException("the data-scaled prior needs at least 2 rows and 1 component");
        }
        int d = data[0].length;
        double[] mean = new double[d];
        for (double[] row : data) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / data.length;
            }
        }
        double[] scale = new double[d * d];
        for (double[] row : data) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    scale[a * d + b] += (row[a] - mean[a]) * (row[b] - mean[b]);
                }
            }
        }
        double divisor = (data.length - 1) * Math.pow(components, 2.0 / d);
        for (int i = 0; i < scale.length; i++) {
            scale[i] /= divisor;
        }
        return new MixturePrior(1, mean, 0.01, d + 2, scale);
    }

    /** {@link #fraleyRaftery(double[][], int)} for one-dimensional data (not modified). */
    public static MixturePrior fraleyRaftery(double[] data, int components) {
        double[][] rows = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            rows[i] = new double[] {data[i]};
        }
        return fraleyRaftery(rows, components);
    }

    /** The same prior with another Dirichlet concentration on the weights. */
    public MixturePrior withDirichletConcentration(double concentration) {
        return new MixturePrior(concentration, mean, meanShrinkage, degreesOfFreedom, scale);
    }

    /** The data dimension d. */
    public int dimension() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** (α - 1) Σ log w_k: the Dirichlet's log density up to its constant. */
    double logWeightDensity(double[] weights) {
        double sum = 0;
        if (dirichletConcentration > 1) {
            for (double w : weights) {
                sum += (dirichletConcentration - 1) * Math.log(w);
            }
        }
        return sum;
    }

    /** The MAP weights (n_k + α - 1) / (n + K(α - 1)) from the expected counts. */
    double[] weights(double[] counts, double total) {
        double[] weights = new double[counts.length];
        double denominator = total + counts.length * (dirichletConcentration - 1);
        for (int k = 0; k < counts.length; k++) {
            weights[k] = (counts[k] + dirichletConcentration - 1) / denominator;
        }
        return weights;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MixturePrior p && dirichletConcentration == p.dirichletConcentration
                && meanShrinkage == p.meanShrinkage && degreesOfFreedom == p.degreesOfFreedom
                && Arrays.equals(mean, p.mean) && Arrays.equals(scale, p.scale);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {dirichletConcentration, meanShrinkage, degreesOfFreedom})
                + 31 * Arrays.hashCode(mean) + 961 * Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "MixturePrior[dirichletConcentration=" + dirichletConcentration + ", mean=" + Arrays.toString(mean)
                + ", meanShrinkage=" + meanShrinkage + ", degreesOfFreedom=" + degreesOfFreedom + ", scale="
                + Arrays.toString(scale) + "]";
    }
}
