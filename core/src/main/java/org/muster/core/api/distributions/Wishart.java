package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.transforms.CovarianceMatrix;
import org.muster.core.api.transforms.Transform;

/**
 * The Wishart distribution of a symmetric positive-definite p × p matrix W with inverse scale
 * {@code R} (p × p) and {@code k > p - 1} degrees of freedom, as BUGS's {@code dwish(R, k)} (mean
 * {@code k R⁻¹}): {@code log p = k/2 log det R + (k - p - 1)/2 log det W - ½ tr(R W) - kp/2 log 2
 * - log Γ_p(k/2)}. Matrices are row-major and read through their symmetric parts. A parameter is
 * sampled through the {@link CovarianceMatrix} transform.
 */
public final class Wishart implements MultivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Wishart INSTANCE = new Wishart();

    private static final List<String> PARAMETERS = List.of("R", "k");
    private static final double LOG_TWO = Math.log(2);
    private static final double LOG_PI = Math.log(Math.PI);

    private Wishart() {
    }

    @Override
    public String name() {
        return "wishart";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    /** Symmetric positive-definite matrices; the transform comes from {@link #parameterTransform()}. */
    @Override
    public Support support() {
        return Support.REAL_VECTOR;
    }

    @Override
    public Transform parameterTransform() {
        return CovarianceMatrix.instance();
    }

    @Override
    public String checkSizes(int valueSize, int[] argSizes) {
        if (argSizes.length != 2) {
            return "wishart takes 2 arguments (R, k) but got " + argSizes.length;
        }
        int p = SymmetricMatrices.side(valueSize);
        if (p < 1) {
            return "the value has " + valueSize + " entries, not a square matrix";
        }
        if (argSizes[0] != valueSize) {
            return "R has " + argSizes[0] + " entries but the value is " + p + " × " + p;
        }
        if (argSizes[1] != 1) {
            return "k must be a scalar, got " + argSizes[1] + " entries";
        }
        return null;
    }

    @Override
    public int defaultValueSize(int[] argSizes) {
        return argSizes[0];
    }

    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        int p = SymmetricMatrices.side(valueSize);
        return 3 * valueSize + p;
    }

    @Override
    public double logDensity(double[] b, int w, int size, int[] argOffsets, int[] argSizes, int scratch) {
        return forward(b, w, size, argOffsets[0], b[argOffsets[1]], scratch);
    }

    /** Leaves the factors of W and R at scratch and scratch + p². */
    private static double forward(double[] b, int w, int size, int r, double k, int scratch) {
        int p = SymmetricMatrices.side(size);
        if (!(k > p - 1) || !Double.isFinite(k)) {
            return Double.NEGATIVE_INFINITY;
        }
        int factorW = scratch;
        int factorR = scratch + size;
        if (!SymmetricMatrices.cholesky(b, w, factorW, p) || !SymmetricMatrices.cholesky(b, r, factorR, p)) {
            return Double.NEGATIVE_INFINITY;
        }
        double trace = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                trace += 0.25 * (b[r + i * p + j] + b[r + j * p + i]) * (b[w + i * p + j] + b[w + j * p + i]);
            }
        }
        return 0.5 * k * SymmetricMatrices.logDeterminant(b, factorR, p)
                + 0.5 * (k - p - 1) * SymmetricMatrices.logDeterminant(b, factorW, p) - 0.5 * trace
                - 0.5 * k * p * LOG_TWO - logMultivariateGamma(p, 0.5 * k);
    }

    private static double logMultivariateGamma(int p, double a) {
        double sum = 0.25 * p * (p - 1) * LOG_PI;
        for (int j = 1; j <= p; j++) {
            sum += DensityMath.logGamma(a + 0.5 * (1 - j));
        }
        return sum;
    }

    @Override
    public double logDensityGradient(double[] b, int w, int size, int[] argOffsets, int[] argSizes, int scratch,
            double[] adjoint, double weight) {
        int r = argOffsets[0];
        double k = b[argOffsets[1]];
        double logDensity = forward(b, w, size, r, k, scratch);
        if (!Double.isFinite(logDensity)) {
            return logDensity;
        }
        int p = SymmetricMatrices.side(size);
        int factorW = scratch;
        int factorR = scratch + size;
        int inverse = scratch + 2 * size;
        int column = scratch + 3 * size;
        double logDetW = SymmetricMatrices.logDeterminant(b, factorW, p);
        double logDetR = SymmetricMatrices.logDeterminant(b, factorR, p);
        SymmetricMatrices.inverse(b, factorW, inverse, column, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double rSym = 0.5 * (b[r + i * p + j] + b[r + j * p + i]);
                adjoint[w + i * p + j] += weight * (0.5 * (k - p - 1) * b[inverse + i * p + j] - 0.5 * rSym);
            }
        }
        SymmetricMatrices.inverse(b, factorR, inverse, column, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double wSym = 0.5 * (b[w + i * p + j] + b[w + j * p + i]);
                adjoint[r + i * p + j] += weight * (0.5 * k * b[inverse + i * p + j] - 0.5 * wSym);
            }
        }
        double digammas = 0;
        for (int j = 1; j <= p; j++) {
            digammas += DensityMath.digamma(0.5 * k + 0.5 * (1 - j));
        }
        adjoint[argOffsets[1]] += weight * (0.5 * logDetR + 0.5 * logDetW - 0.5 * p * LOG_TWO - 0.5 * digammas);
        return logDensity;
    }

    /**
     * Bartlett's decomposition: with {@code R = C Cᵀ} and A lower triangular, {@code A_ii² ~ χ²(k - i)}
     * (0-based i) and {@code A_ij ~ N(0, 1)} below the diagonal, {@code W = M Mᵀ} for {@code M = C⁻ᵀ A}.
     */
    @Override
    public void sample(RandomGenerator random, double[] b, int w, int size, int[] argOffsets, int[] argSizes,
            int scratch) {
        int p = SymmetricMatrices.side(size);
        double k = b[argOffsets[1]];
        int factorR = scratch;
        int a = scratch + size;
        int m = scratch + 2 * size;
        if (!(k > p - 1) || !SymmetricMatrices.cholesky(b, argOffsets[0], factorR, p)) {
            throw new IllegalArgumentException("wishart: R is not positive definite or k <= p - 1");
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                b[a + i * p + j] = j < i ? RandomVariates.standardNormal(random)
                        : j == i ? Math.sqrt(2 * RandomVariates.gamma(random, 0.5 * (k - i))) : 0;
            }
        }
        // Solve Cᵀ M = A column by column (Cᵀ is upper triangular).
        for (int j = 0; j < p; j++) {
            for (int i = p - 1; i >= 0; i--) {
                double s = b[a + i * p + j];
                for (int l = i + 1; l < p; l++) {
                    s -= b[factorR + l * p + i] * b[m + l * p + j];
                }
                b[m + i * p + j] = s / b[factorR + i * p + i];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int l = 0; l < p; l++) {
                    s += b[m + i * p + l] * b[m + j * p + l];
                }
                b[w + i * p + j] = s;
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
