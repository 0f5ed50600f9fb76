package org.muster.core.api.distributions;

import java.util.random.RandomGenerator;

/**
 * A distribution whose value or parameters are vectors or matrices (Dirichlet, multivariate normal,
 * LKJ, categorical). Values and arguments live in one caller-owned buffer at given offsets so the
 * compiled graph can evaluate them in place without copying; matrices are K × K row-major.
 *
 * <p>Arguments: {@code buffer} holds the value at {@code valueOffset} ({@code valueSize} entries)
 * and argument {@code i} at {@code argOffsets[i]} ({@code argSizes[i]} entries); none of these are
 * modified except where a method says so. {@code scratchOffset} points at {@link #scratchSize}
 * entries of the buffer the kernel may overwrite freely.
 */
public non-sealed interface MultivariateDistribution extends DistributionKernel {

    /**
     * Checks that a value of {@code valueSize} entries fits arguments of the given sizes.
     *
     * @return {@code null} if they fit, else a message such as {@code "mu has length 3 but the value
     *     has length 4"}
     */
    String checkSizes(int valueSize, int[] argSizes);

    /** The value size the arguments imply, for a single draw (e.g. K for a Dirichlet of K). */
    int defaultValueSize(int[] argSizes);

    /** How many scratch entries the evaluation needs. */
    int scratchSize(int valueSize, int[] argSizes);

    /** The normalized log density of the value. */
    double logDensity(double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset);

    /**
     * The log density, adding {@code weight} times its gradient to {@code adjoint} at the same
     * offsets as in {@code buffer} (value and every argument).
     *
     * @param adjoint modified: gradients are added, never assigned
     */
    double logDensityGradient(double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset, double[] adjoint, double weight);

    /** Writes one random draw into {@code buffer} at {@code valueOffset} (modified there and in scratch). */
    void sample(RandomGenerator random, double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset);
}
