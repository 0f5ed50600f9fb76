package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Multivariate normal of a K-vector with mean {@code mu} (K entries) and covariance
 * {@code L Lᵀ}, where {@code L} is K × K row-major, lower triangular with a positive diagonal:
 * {@code log p = -K/2 log 2π - Σ log L_ii - ½ ‖L⁻¹(x - μ)‖²}.
 *
 * <p>Only the lower triangle of {@code L} is read (entries above the diagonal are treated as 0, and
 * their gradient entries are left untouched). The log density is {@code -∞} if a diagonal entry is
 * not positive. The gradient uses {@code z = L⁻¹(x - μ)} by forward substitution and
 * {@code v = L⁻ᵀ z} by back substitution, both in scratch:
 * {@code ∂/∂x = -v}, {@code ∂/∂μ = v}, {@code ∂/∂L_ij = v_i z_j - [i = j] / L_ii} for j ≤ i.
 */
public final class MultivariateNormalCholesky implements MultivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final MultivariateNormalCholesky INSTANCE = new MultivariateNormalCholesky();

    private static final List<String> PARAMETERS = List.of("mu", "L");
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private MultivariateNormalCholesky() {
    }

    @Override
    public String name() {
        return "multi_normal_cholesky";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public Support support() {
        return Support.REAL_VECTOR;
    }

    @Override
    public String checkSizes(int valueSize, int[] argSizes) {
        if (argSizes.length != 2) {
            return "multi_normal_cholesky takes 2 arguments (mu, L) but got " + argSizes.length;
        }
        if (valueSize < 1) {
            return "the value has length " + valueSize + " but needs at least 1 entry";
        }
        if (argSizes[0] != valueSize) {
            return "mu has length " + argSizes[0] + " but the value has length " + valueSize;
        }
        if (argSizes[1] != valueSize * valueSize) {
            return "L has length " + argSizes[1] + " but the value has length " + valueSize
                    + ", which needs a " + valueSize + " × " + valueSize + " factor ("
                    + valueSize * valueSize + " entries)";
        }
        return null;
    }

    /** The length of {@code mu}. */
    @Override
    public int defaultValueSize(int[] argSizes) {
        return argSizes[0];
    }

    /** {@code z} and {@code v}, K entries each. */
    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        return 2 * valueSize;
    }

    @Override
    public double logDensity(double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset) {
        return forward(buffer, valueOffset, valueSize, argOffsets[0], argOffsets[1], scratchOffset);
    }

    /** Writes z = L⁻¹(x - μ) at scratchOffset and returns the log density. */
    private static double forward(double[] buffer, int valueOffset, int size, int muOffset,
            int factorOffset, int scratchOffset) {
        double logDeterminant = 0.0;
        double squaredNorm = 0.0;
        for (int i = 0; i < size; i++) {
            int row = factorOffset + i * size;
            double diagonal = buffer[row + i];
            if (!(diagonal > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double residual = buffer[valueOffset + i] - buffer[muOffset + i];
            for (int j = 0; j < i; j++) {
                residual -= buffer[row + j] * buffer[scratchOffset + j];
            }
            double z = residual / diagonal;
            buffer[scratchOffset + i] = z;
            squaredNorm += z * z;
            logDeterminant += Math.log(diagonal);
        }
        return -size * HALF_LOG_TWO_PI - logDeterminant - 0.5 * squaredNorm;
    }

    @Override
    public double logDensityGradient(double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset, double[] adjoint, double weight) {
        int muOffset = argOffsets[0];
        int factorOffset = argOffsets[1];
        double logDensity = forward(buffer, valueOffset, valueSize, muOffset, factorOffset,
                scratchOffset);
        if (!Double.isFinite(logDensity)) {
            return logDensity;
        }
        int zOffset = scratchOffset;
        int vOffset = scratchOffset + valueSize;
        for (int i = valueSize - 1; i >= 0; i--) {
            double sum = buffer[zOffset + i];
            for (int j = i + 1; j < valueSize; j++) {
                sum -= buffer[factorOffset + j * valueSize + i] * buffer[vOffset + j];
            }
            buffer[vOffset + i] = sum / buffer[factorOffset + i * valueSize + i];
        }
        for (int i = 0; i < valueSize; i++) {
            double v = buffer[vOffset + i];
            adjoint[valueOffset + i] -= weight * v;
            adjoint[muOffset + i] += weight * v;
            int row = factorOffset + i * valueSize;
            for (int j = 0; j <= i; j++) {
                adjoint[row + j] += weight * v * buffer[zOffset + j];
            }
            adjoint[row + i] -= weight / buffer[row + i];
        }
        return logDensity;
    }

    /**
     * {@code x = μ + L z} with independent standard normal {@code z}.
     *
     * @throws IllegalArgumentException if a diagonal entry of {@code L} is not positive
     */
    @Override
    public void sample(RandomGenerator random, double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset) {
        int muOffset = argOffsets[0];
        int factorOffset = argOffsets[1];
        for (int i = 0; i < valueSize; i++) {
            if (!(buffer[factorOffset + i * valueSize + i] > 0)) {
                throw new IllegalArgumentException("multi_normal_cholesky L has diagonal entry " + i
                        + " = " + buffer[factorOffset + i * valueSize + i] + ", not positive");
            }
        }
        for (int i = 0; i < valueSize; i++) {
            buffer[valueOffset + i] = RandomVariates.standardNormal(random);
        }
        // x_i needs z_j only for j <= i, so filling from the last row down works in place.
        for (int i = valueSize - 1; i >= 0; i--) {
            int row = factorOffset + i * valueSize;
            double x = buffer[muOffset + i];
            for (int j = 0; j <= i; j++) {
                x += buffer[row + j] * buffer[valueOffset + j];
            }
            buffer[valueOffset + i] = x;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
