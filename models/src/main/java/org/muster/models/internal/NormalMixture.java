package org.muster.models.internal;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.distributions.MultivariateDistribution;
import org.muster.core.api.distributions.Support;

/**
 * Independent observations y_i from a mixture of K normals with weights w (a simplex), means mu and
 * standard deviations sigma: {@code log p(y) = Σ_i log Σ_k w_k N(y_i | mu_k, sigma_k)}, each inner sum
 * by log-sum-exp so that far observations do not underflow. The value is the whole vector of
 * observations; arguments are three K-vectors. Allocates nothing.
 */
final class NormalMixture implements MultivariateDistribution {

    static final NormalMixture INSTANCE = new NormalMixture();

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private NormalMixture() {
    }

    @Override
    public String name() {
        return "normal_mixture";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("weights", "mu", "sigma");
    }

    @Override
    public Support support() {
        return Support.REAL_VECTOR;
    }

    @Override
    public String checkSizes(int valueSize, int[] argSizes) {
        if (argSizes.length != 3) {
            return "normal_mixture takes 3 arguments (weights, mu, sigma) but got " + argSizes.length;
        }
        if (argSizes[0] != argSizes[1] || argSizes[0] != argSizes[2]) {
            return "weights, mu and sigma must have one entry per component, got lengths " + argSizes[0] + ", "
                    + argSizes[1] + " and " + argSizes[2];
        }
        return valueSize < 1 ? "the value needs at least one observation" : null;
    }

    /** The number of observations cannot be inferred from the arguments. */
    @Override
    public int defaultValueSize(int[] argSizes) {
        return 0;
    }

    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        return 0;
    }

    private static boolean valid(double[] buffer, int[] argOffsets, int components) {
        for (int k = 0; k < components; k++) {
            double w = buffer[argOffsets[0] + k];
            double mu = buffer[argOffsets[1] + k];
            double sigma = buffer[argOffsets[2] + k];
            if (!(w >= 0 && w <= 1) || !Double.isFinite(mu) || !(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    private static double componentLogDensity(double[] buffer, int[] argOffsets, int k, double y) {
        double sigma = buffer[argOffsets[2] + k];
        double z = (y - buffer[argOffsets[1] + k]) / sigma;
        return Math.log(buffer[argOffsets[0] + k]) - 0.5 * z * z - Math.log(sigma) - HALF_LOG_TWO_PI;
    }

    /** log Σ_k w_k N(y | mu_k, sigma_k). */
    private static double logMixture(double[] buffer, int[] argOffsets, int components, double y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            max = Math.max(max, componentLogDensity(buffer, argOffsets, k, y));
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < components; k++) {
            sum += Math.exp(componentLogDensity(buffer, argOffsets, k, y) - max);
        }
        return max + Math.log(sum);
    }

    @Override
    public double logDensity(double[] buffer, int valueOffset, int valueSize, int[] argOffsets, int[] argSizes,
            int scratchOffset) {
        int components = argSizes[0];
        if (!valid(buffer, argOffsets, components)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < valueSize; i++) {
            sum += logMixture(buffer, argOffsets, components, buffer[valueOffset + i]);
        }
        return sum;
    }

    @Override
    public double logDensityGradient(double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset, double[] adjoint, double weight) {
        int components = argSizes[0];
        if (!valid(buffer, argOffsets, components)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < valueSize; i++) {
            double y = buffer[valueOffset + i];
            double logDensity = logMixture(buffer, argOffsets, components, y);
            if (!Double.isFinite(logDensity)) {
                return logDensity;
            }
            sum += logDensity;
            double dy = 0;
            for (int k = 0; k < components; k++) {
                // The responsibility of component k for observation i.
                double responsibility = Math.exp(componentLogDensity(buffer, argOffsets, k, y) - logDensity);
                double w = buffer[argOffsets[0] + k];
                double sigma = buffer[argOffsets[2] + k];
                double z = (y - buffer[argOffsets[1] + k]) / sigma;
                if (responsibility > 0) {
                    adjoint[argOffsets[0] + k] += weight * responsibility / w;
                }
                adjoint[argOffsets[1] + k] += weight * responsibility * z / sigma;
                adjoint[argOffsets[2] + k] += weight * responsibility * (z * z - 1) / sigma;
                dy -= responsibility * z / sigma;
            }
            adjoint[valueOffset + i] += weight * dy;
        }
        return sum;
    }

    @Override
    public void sample(RandomGenerator random, double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset) {
        int components = argSizes[0];
        if (!valid(buffer, argOffsets, components)) {
            throw new IllegalArgumentException("normal_mixture needs weights in [0, 1], finite means and positive"
                    + " standard deviations");
        }
        for (int i = 0; i < valueSize; i++) {
            int k = component(random, buffer, argOffsets[0], components);
            buffer[valueOffset + i] = buffer[argOffsets[1] + k]
                    + buffer[argOffsets[2] + k] * random.nextGaussian();
        }
    }

    /** A component index drawn with the given weights (normalized on the fly). */
    static int component(RandomGenerator random, double[] weights, int offset, int components) {
        double total = 0;
        for (int k = 0; k < components; k++) {
            total += weights[offset + k];
        }
        double u = random.nextDouble() * total;
        for (int k = 0; k < components - 1; k++) {
            u -= weights[offset + k];
            if (u < 0) {
                return k;
            }
        }
        return components - 1;
    }

    @Override
    public String toString() {
        return name();
    }
}
