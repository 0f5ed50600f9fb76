package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Multivariate normal of a K-vector with mean {@code mu} (K entries) and precision matrix
 * {@code Omega} (K × K, symmetric positive definite), as BUGS's {@code dmnorm}:
 * {@code log p = -K/2 log 2π + ½ log det Ω - ½ (x - μ)ᵀ Ω (x - μ)}. Ω is read through its symmetric
 * part; the log density is {@code -∞} if that is not positive definite. Gradients:
 * {@code ∂/∂x = -Ω r}, {@code ∂/∂μ = Ω r} with {@code r = x - μ}, {@code ∂/∂Ω = ½ Ω⁻¹ - ½ r rᵀ}.
 */
public final class MultivariateNormalPrecision implements MultivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final MultivariateNormalPrecision INSTANCE = new MultivariateNormalPrecision();

    private static final List<String> PARAMETERS = List.of("mu", "Omega");
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private MultivariateNormalPrecision() {
    }

    @Override
    public String name() {
        return "multi_normal_prec";
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
            return "multi_normal_prec takes 2 arguments (mu, Omega) but got " + argSizes.length;
        }
        if (argSizes[0] != valueSize) {
            return "mu has length " + argSizes[0] + " but the value has length " + valueSize;
        }
        if (argSizes[1] != valueSize * valueSize) {
            return "Omega has " + argSizes[1] + " entries but a value of length " + valueSize + " needs a " + valueSize
                    + " × " + valueSize + " precision matrix";
        }
        return null;
    }

    @Override
    public int defaultValueSize(int[] argSizes) {
        return argSizes[0];
    }

    /** The Cholesky factor and the inverse of Ω, and the residual and Ω r. */
    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        return 2 * valueSize * valueSize + 3 * valueSize;
    }

    @Override
    public double logDensity(double[] buffer, int valueOffset, int valueSize, int[] argOffsets, int[] argSizes,
            int scratchOffset) {
        return forward(buffer, valueOffset, valueSize, argOffsets[0], argOffsets[1], scratchOffset);
    }

    /** Leaves the factor at scratch, r after the two matrices, Ω r after r. */
    private static double forward(double[] b, int x, int k, int mu, int omega, int scratch) {
        if (!SymmetricMatrices.cholesky(b, omega, scratch, k)) {
            return Double.NEGATIVE_INFINITY;
        }
        int r = scratch + 2 * k * k;
        int omegaR = r + k;
        for (int i = 0; i < k; i++) {
            b[r + i] = b[x + i] - b[mu + i];
        }
        double quadratic = 0;
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += 0.5 * (b[omega + i * k + j] + b[omega + j * k + i]) * b[r + j];
            }
            b[omegaR + i] = s;
            quadratic += b[r + i] * s;
        }
        return -k * HALF_LOG_TWO_PI + 0.5 * SymmetricMatrices.logDeterminant(b, scratch, k) - 0.5 * quadratic;
    }

    @Override
    public double logDensityGradient(double[] b, int x, int k, int[] argOffsets, int[] argSizes, int scratch,
            double[] adjoint, double weight) {
        int mu = argOffsets[0];
        int omega = argOffsets[1];
        double logDensity = forward(b, x, k, mu, omega, scratch);
        if (!Double.isFinite(logDensity)) {
            return logDensity;
        }
        int inverse = scratch + k * k;
        int r = scratch + 2 * k * k;
        int omegaR = r + k;
        int column = omegaR + k;
        SymmetricMatrices.inverse(b, scratch, inverse, column, k);
        for (int i = 0; i < k; i++) {
            adjoint[x + i] -= weight * b[omegaR + i];
            adjoint[mu + i] += weight * b[omegaR + i];
            for (int j = 0; j < k; j++) {
                adjoint[omega + i * k + j] += weight * 0.5 * (b[inverse + i * k + j] - b[r + i] * b[r + j]);
            }
        }
        return logDensity;
    }

    /** {@code x = μ + L⁻ᵀ z} with standard normal z and {@code Ω = L Lᵀ}. */
    @Override
    public void sample(RandomGenerator random, double[] b, int x, int k, int[] argOffsets, int[] argSizes,
            int scratch) {
        int mu = argOffsets[0];
        if (!SymmetricMatrices.cholesky(b, argOffsets[1], scratch, k)) {
            throw new IllegalArgumentException("multi_normal_prec: Omega is not positive definite");
        }
        int z = scratch + 2 * k * k;
        for (int i = 0; i < k; i++) {
            b[z + i] = RandomVariates.standardNormal(random);
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = b[z + i];
            for (int l = i + 1; l < k; l++) {
                s -= b[scratch + l * k + i] * b[x + l];
            }
            b[x + i] = s / b[scratch + i * k + i];
        }
        for (int i = 0; i < k; i++) {
            b[x + i] += b[mu + i];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
