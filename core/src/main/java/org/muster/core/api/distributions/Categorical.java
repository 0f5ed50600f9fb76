package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Categorical distribution over labels {@code 1..K} with a K-simplex of probabilities
 * {@code probs}. The value holds N labels (N ≥ 1), each scored against the same probabilities, so
 * the log mass is {@code Σ_i log probs[y_i - 1]}.
 *
 * <p>The log mass is {@code -∞} for a label that is not an integer in {@code 1..K} and for
 * {@code probs} that is not a simplex (a negative entry, or a sum off 1 by more than
 * {@value #SIMPLEX_TOLERANCE}). The gradient is with respect to {@code probs} only
 * ({@code count_k / probs_k}); labels are discrete and get none.
 */
public final class Categorical implements MultivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Categorical INSTANCE = new Categorical();

    /** Probabilities must sum to 1 within this tolerance. */
    public static final double SIMPLEX_TOLERANCE = 1e-8;

    private static final List<String> PARAMETERS = List.of("probs");

    private Categorical() {
    }

    @Override
    public String name() {
        return "categorical";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public Support support() {
        return Support.CATEGORY;
    }

    @Override
    public String checkSizes(int valueSize, int[] argSizes) {
        if (argSizes.length != 1) {
            return "categorical takes 1 argument (probs) but got " + argSizes.length;
        }
        if (argSizes[0] < 1) {
            return "probs has length " + argSizes[0] + " but needs at least 1 category";
        }
        if (valueSize < 1) {
            return "the value has length " + valueSize + " but must hold at least 1 label";
        }
        return null;
    }

    /** One label. */
    @Override
    public int defaultValueSize(int[] argSizes) {
        return 1;
    }

    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        return 0;
    }

    @Override
    public double logDensity(double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset) {
        int probsOffset = argOffsets[0];
        int categories = argSizes[0];
        if (!isSimplex(buffer, probsOffset, categories)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0.0;
        for (int i = 0; i < valueSize; i++) {
            int category = categoryIndex(buffer[valueOffset + i], categories);
            if (category < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += Math.log(buffer[probsOffset + category]);
        }
        return sum;
    }

    @Override
    public double logDensityGradient(double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset, double[] adjoint, double weight) {
        double logDensity = logDensity(buffer, valueOffset, valueSize, argOffsets, argSizes,
                scratchOffset);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            // Outside the support the density is flat at zero: there is no gradient to add.
            return logDensity;
        }
        int probsOffset = argOffsets[0];
        int categories = argSizes[0];
        for (int i = 0; i < valueSize; i++) {
            int category = categoryIndex(buffer[valueOffset + i], categories);
            adjoint[probsOffset + category] += weight / buffer[probsOffset + category];
        }
        return logDensity;
    }

    /**
     * Draws {@code valueSize} independent labels by inversion of the cumulative probabilities.
     *
     * @throws IllegalArgumentException if {@code probs} is not a simplex
     */
    @Override
    public void sample(RandomGenerator random, double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset) {
        int probsOffset = argOffsets[0];
        int categories = argSizes[0];
        if (!isSimplex(buffer, probsOffset, categories)) {
            throw new IllegalArgumentException("categorical probs is not a simplex");
        }
        double total = 0.0;
        int lastPositive = 0;
        for (int k = 0; k < categories; k++) {
            total += buffer[probsOffset + k];
            if (buffer[probsOffset + k] > 0) {
                lastPositive = k;
            }
        }
        for (int i = 0; i < valueSize; i++) {
            // Scaling u by the actual total keeps rounding in the sum from biasing the last label.
            double u = random.nextDouble() * total;
            int label = lastPositive;
            double cumulative = 0.0;
            for (int k = 0; k < lastPositive; k++) {
                cumulative += buffer[probsOffset + k];
                if (u < cumulative) {
                    label = k;
                    break;
                }
            }
            buffer[valueOffset + i] = label + 1;
        }
    }

    /** The 0-based category of a label, or -1 unless it is an integer in 1..categories. */
    private static int categoryIndex(double label, int categories) {
        if (label >= 1 && label <= categories && label == Math.rint(label)) {
            return (int) label - 1;
        }
        return -1;
    }

    static boolean isSimplex(double[] buffer, int offset, int size) {
        double sum = 0.0;
        for (int k = 0; k < size; k++) {
            double p = buffer[offset + k];
            if (!(p >= 0) || p == Double.POSITIVE_INFINITY) {
                return false;
            }
            sum += p;
        }
        return Math.abs(sum - 1.0) <= SIMPLEX_TOLERANCE;
    }

    @Override
    public String toString() {
        return name();
    }
}
