package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Dirichlet distribution of a K-simplex with positive concentrations {@code alpha} (K entries):
 * {@code log p = lgamma(Σα) - Σ lgamma(α_k) + Σ (α_k - 1) log θ_k}.
 *
 * <p>The log density is {@code -∞} for concentrations that are not positive and finite and for a
 * value that is not a simplex (a negative entry, or a sum off 1 by more than
 * {@value Categorical#SIMPLEX_TOLERANCE}). On the boundary (an entry exactly 0) it takes its
 * limit: {@code -∞} where {@code α_k > 1}, no contribution where {@code α_k = 1}, {@code +∞} where
 * {@code α_k < 1}; no gradient is added unless the log density is finite.
 */
public final class Dirichlet implements MultivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Dirichlet INSTANCE = new Dirichlet();

    private static final List<String> PARAMETERS = List.of("alpha");

    private Dirichlet() {
    }

    @Override
    public String name() {
        return "dirichlet";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public Support support() {
        return Support.SIMPLEX;
    }

    @Override
    public String checkSizes(int valueSize, int[] argSizes) {
        if (argSizes.length != 1) {
            return "dirichlet takes 1 argument (alpha) but got " + argSizes.length;
        }
        if (valueSize < 1) {
            return "the value has length " + valueSize + " but a simplex needs at least 1 entry";
        }
        if (argSizes[0] != valueSize) {
            return "alpha has length " + argSizes[0] + " but the value has length " + valueSize;
        }
        return null;
    }

    /** The length of {@code alpha}. */
    @Override
    public int defaultValueSize(int[] argSizes) {
        return argSizes[0];
    }

    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        return 0;
    }

    @Override
    public double logDensity(double[] buffer, int valueOffset, int valueSize, int[] argOffsets,
            int[] argSizes, int scratchOffset) {
        int alphaOffset = argOffsets[0];
        if (!validConcentrations(buffer, alphaOffset, valueSize)
                || !Categorical.isSimplex(buffer, valueOffset, valueSize)) {
            return Double.NEGATIVE_INFINITY;
        }
        double alphaSum = 0.0;
        double sum = 0.0;
        for (int k = 0; k < valueSize; k++) {
            double alpha = buffer[alphaOffset + k];
            alphaSum += alpha;
            sum -= DensityMath.logGamma(alpha);
            if (alpha != 1.0) {
                // Skipping α = 1 keeps 0 · log 0 from turning a boundary value into NaN.
                sum += (alpha - 1.0) * Math.log(buffer[valueOffset + k]);
            }
        }
        return sum + DensityMath.logGamma(alphaSum);
    }

    @Override
    public double logDensityGradient(double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset, double[] adjoint, double weight) {
        double logDensity = logDensity(buffer, valueOffset, valueSize, argOffsets, argSizes,
                scratchOffset);
        if (!Double.isFinite(logDensity)) {
            return logDensity;
        }
        int alphaOffset = argOffsets[0];
        double alphaSum = 0.0;
        for (int k = 0; k < valueSize; k++) {
            alphaSum += buffer[alphaOffset + k];
        }
        double digammaSum = DensityMath.digamma(alphaSum);
        for (int k = 0; k < valueSize; k++) {
            double alpha = buffer[alphaOffset + k];
            double theta = buffer[valueOffset + k];
            adjoint[valueOffset + k] += weight * (alpha - 1.0) / theta;
            adjoint[alphaOffset + k] += weight * (digammaSum - DensityMath.digamma(alpha) + Math.log(theta));
        }
        return logDensity;
    }

    /**
     * Normalized independent Gamma(α_k, 1) draws (Devroye 1986, "Non-Uniform Random Variate
     * Generation", XI.4). The gammas are carried as logarithms, with {@code G(α) = G(α + 1)
     * U^(1/α)} for α &lt; 1, so small concentrations do not underflow every entry to 0.
     *
     * @throws IllegalArgumentException if a concentration is not positive and finite
     */
    @Override
    public void sample(RandomGenerator random, double[] buffer, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset) {
        int alphaOffset = argOffsets[0];
        if (!validConcentrations(buffer, alphaOffset, valueSize)) {
            throw new IllegalArgumentException("dirichlet alpha must be positive and finite");
        }
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < valueSize; k++) {
            double alpha = buffer[alphaOffset + k];
            double logGamma;
            if (alpha < 1.0) {
                double logUniform = Math.log(1.0 - random.nextDouble());
                logGamma = Math.log(RandomVariates.gamma(random, alpha + 1.0)) + logUniform / alpha;
            } else {
                logGamma = Math.log(RandomVariates.gamma(random, alpha));
            }
            buffer[valueOffset + k] = logGamma;
            maxLog = Math.max(maxLog, logGamma);
        }
        double total = 0.0;
        for (int k = 0; k < valueSize; k++) {
            double scaled = Math.exp(buffer[valueOffset + k] - maxLog);
            buffer[valueOffset + k] = scaled;
            total += scaled;
        }
        for (int k = 0; k < valueSize; k++) {
            buffer[valueOffset + k] /= total;
        }
    }

    private static boolean validConcentrations(double[] buffer, int offset, int size) {
        for (int k = 0; k < size; k++) {
            double alpha = buffer[offset + k];
            if (!(alpha > 0) || alpha == Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name();
    }
}
