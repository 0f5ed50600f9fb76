package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * LKJ distribution of the Cholesky factor {@code L} of a K × K correlation matrix, with shape
 * {@code eta > 0} (Lewandowski, Kurowicka &amp; Joe 2009, "Generating random correlation matrices
 * based on vines and extended onion method", J. Multivariate Analysis 100(9)); Stan's
 * {@code lkj_corr_cholesky}. The value is K × K row-major (K² entries, so K = sqrt(valueSize)).
 *
 * <p>The density of {@code Ω = L Lᵀ} is {@code c_K(η)⁻¹ det(Ω)^(η-1)}; times the Jacobian of
 * {@code L ↦ Ω} it gives, with 1-based k,
 * {@code log p(L) = Σ_{k=2..K} (K - k + 2η - 2) log L_kk - log c_K(η)}, where
 * {@code c_K(η) = Π_{ℓ=1}^{K-1} [2^(2β_ℓ - 1) B(β_ℓ, β_ℓ)]^(K-ℓ)} with
 * {@code β_ℓ = η + (K - 1 - ℓ)/2}: the partial correlations at vine level ℓ are independent
 * Beta(β_ℓ, β_ℓ) on (-1, 1) (LKJ 2009, eq. 16).
 *
 * <p>The log density is {@code -∞} unless eta is positive and finite and the value is a valid
 * factor: positive diagonal, zeros above it and unit-norm rows within
 * {@value #NORM_TOLERANCE}. The gradient is with respect to the diagonal of L and eta; the other
 * entries of L do not appear in the density.
 *
 * <p>{@link #defaultValueSize} cannot know K from eta and returns -1: a node with this distribution
 * must be given its size.
 */
public final class LkjCholesky implements MultivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final LkjCholesky INSTANCE = new LkjCholesky();

    /** Rows of a valid factor must have squared norm 1 within this tolerance. */
    public static final double NORM_TOLERANCE = 1e-8;

    private static final List<String> PARAMETERS = List.of("eta");
    private static final double LOG_TWO = Math.log(2.0);

    private LkjCholesky() {
    }

    @Override
    public String name() {
        return "lkj_corr_cholesky";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public Support support() {
        return Support.CHOLESKY_CORRELATION;
    }

    private static int order(int valueSize) {
        int k = (int) Math.round(Math.sqrt(valueSize));
        return valueSize >= 1 && k * k == valueSize ? k : -1;
    }

    @Override
    public String checkSizes(int valueSize, int[] argSizes) {
        if (argSizes.length != 1) {
            return "lkj_corr_cholesky takes 1 argument (eta) but got " + argSizes.length;
        }
        if (argSizes[0] != 1) {
            return "eta has length " + argSizes[0] + " but must be a scalar (length 1)";
        }
        if (order(valueSize) < 0) {
            return "the value has length " + valueSize
                    + ", which is not K × K for the Cholesky factor of a correlation matrix";
        }
        return null;
    }

    /** Always -1: K does not follow from eta, so the node's size must be given explicitly. */
    @Override
    public int defaultValueSize(int[] argSizes) {
        return -1;
    }

    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        return 0;
    }

    /** {@code -log c_K(η)}, the log normalizing constant. */
    static double logNormalizingConstant(double eta, int order) {
        double sum = 0.0;
        for (int level = 1; level < order; level++) {
            double beta = eta + 0.5 * (order - 1 - level);
            double logBetaFunction = 2.0 * DensityMath.logGamma(beta) - DensityMath.logGamma(2.0 * beta);
            sum -= (order - level) * ((2.0 * beta - 1.0) * LOG_TWO + logBetaFunction);
        }
        return sum;
    }

    /** d/dη of {@link #logNormalizingConstant}. */
    private static double logNormalizingConstantDerivative(double eta, int order) {
        double sum = 0.0;
        for (int level = 1; level < order; level++) {
            double beta = eta + 0.5 * (order - 1 - level);
            sum -= (order - level) * 2.0
                    * (LOG_TWO + DensityMath.digamma(beta) - DensityMath.digamma(2.0 * beta));
        }
        return sum;
    }

    private static boolean validFactor(double[] buffer, int offset, int order) {
        for (int i = 0; i < order; i++) {
            int row = offset + i * order;
            if (!(buffer[row + i] > 0)) {
                return false;
            }
            double squaredNorm = 0.0;
            for (int j = 0; j < order; j++) {
                double value = buffer[row + j];
                if (j <= i) {
                    squaredNorm += value * value;
                } else if (!(Math.abs(value) <= NORM_TOLERANCE)) {
                    return false;
                }
            }
            if (!(Math.abs(squaredNorm - 1.0) <= NORM_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double logDensity(double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset) {
        int order = order(valueSize);
        double eta = buffer[argOffsets[0]];
        if (!(eta > 0) || eta == Double.POSITIVE_INFINITY || !validFactor(buffer, valueOffset, order)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = logNormalizingConstant(eta, order);
        for (int i = 1; i < order; i++) {
            sum += (order - i - 3 + 2.0 * eta) * Math.log(buffer[valueOffset + i * order + i]);
        }
        return sum;
    }

    @Override
    public double logDensityGradient(double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset, double[] adjoint, double weight) {
        double logDensity = logDensity(buffer, valueOffset, valueSize, argOffsets, argSizes,
                scratchOffset);
        if (!Double.isFinite(logDensity)) {
            return logDensity;
        }
        int order = order(valueSize);
        int etaOffset = argOffsets[0];
        double eta = buffer[etaOffset];
        double sumLogDiagonal = 0.0;
        for (int i = 1; i < order; i++) {
            int diagonal = valueOffset + i * order + i;
            double value = buffer[diagonal];
            sumLogDiagonal += Math.log(value);
            adjoint[diagonal] += weight * (order - i - 3 + 2.0 * eta) / value;
        }
        adjoint[etaOffset] += weight
                * (2.0 * sumLogDiagonal + logNormalizingConstantDerivative(eta, order));
        return logDensity;
    }

    /**
     * A draw by the C-vine method (LKJ 2009, section 2.4): the partial correlation of row i with
     * column j given columns before j is {@code 2 Beta(β, β) - 1} with {@code β = η + (K - 2 - j)/2}
     * (0-based j), and row i of L follows from them as in Stan's Cholesky-correlation transform.
     *
     * @throws IllegalArgumentException if eta is not positive and finite
     */
    @Override
    public void sample(RandomGenerator random, double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset) {
        int order = order(valueSize);
        if (order < 0) {
            throw new IllegalArgumentException("lkj_corr_cholesky value of length " + valueSize
                    + " is not K × K");
        }
        double eta = buffer[argOffsets[0]];
        if (!(eta > 0) || eta == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("lkj_corr_cholesky eta must be positive and finite, got "
                    + eta);
        }
        for (int i = 0; i < order; i++) {
            int row = valueOffset + i * order;
            double remaining = 1.0;
            for (int j = 0; j < i; j++) {
                double beta = eta + 0.5 * (order - 2 - j);
                double u = RandomVariates.beta(random, beta, beta);
                buffer[row + j] = (2.0 * u - 1.0) * Math.sqrt(remaining);
                // 1 - z² = 4u(1 - u) exactly, without cancelling when |z| is near 1.
                remaining *= 4.0 * u * (1.0 - u);
            }
            buffer[row + i] = Math.sqrt(remaining);
            for (int j = i + 1; j < order; j++) {
                buffer[row + j] = 0.0;
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
