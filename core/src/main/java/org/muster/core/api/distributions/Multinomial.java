package org.muster.core.api.distributions;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The multinomial distribution of K counts summing to {@code n} with category probabilities
 * proportional to {@code probs} (K non-negative entries, normalized here as BUGS's {@code dmulti(p, n)}
 * does): {@code log p = log n! - Σ log x_k! + Σ x_k log(p_k / Σ p)}. The gradient is with respect to
 * {@code probs} only; counts are discrete.
 */
public final class Multinomial implements MultivariateDistribution {

    /** The single instance; the kernel is stateless. */
    public static final Multinomial INSTANCE = new Multinomial();

    private static final List<String> PARAMETERS = List.of("probs", "n");

    private Multinomial() {
    }

    @Override
    public String name() {
        return "multinomial";
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public Support support() {
        return Support.NONNEGATIVE_INTEGER;
    }

    @Override
    public String checkSizes(int valueSize, int[] argSizes) {
        if (argSizes.length != 2) {
            return "multinomial takes 2 arguments (probs, n) but got " + argSizes.length;
        }
        if (argSizes[0] != valueSize) {
            return "probs has length " + argSizes[0] + " but the value has length " + valueSize;
        }
        if (argSizes[1] != 1) {
            return "n must be a scalar, got " + argSizes[1] + " entries";
        }
        return null;
    }

    @Override
    public int defaultValueSize(int[] argSizes) {
        return argSizes[0];
    }

    @Override
    public int scratchSize(int valueSize, int[] argSizes) {
        return 0;
    }

    @Override
    public double logDensity(double[] b, int x, int k, int[] argOffsets, int[] argSizes, int scratch) {
        int p = argOffsets[0];
        double n = b[argOffsets[1]];
        double total = 0;
        double count = 0;
        for (int i = 0; i < k; i++) {
            double pi = b[p + i];
            double xi = b[x + i];
            if (!(pi >= 0) || !Double.isFinite(pi) || !(xi >= 0) || xi != Math.rint(xi)) {
                return Double.NEGATIVE_INFINITY;
            }
            total += pi;
            count += xi;
        }
        if (count != n || !(total > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double logTotal = Math.log(total);
        double sum = DensityMath.logGamma(n + 1);
        for (int i = 0; i < k; i++) {
            double xi = b[x + i];
            sum -= DensityMath.logGamma(xi + 1);
            if (xi > 0) {
                if (b[p + i] == 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                sum += xi * (Math.log(b[p + i]) - logTotal);
            }
        }
        return sum;
    }

    @Override
    public double logDensityGradient(double[] b, int x, int k, int[] argOffsets, int[] argSizes, int scratch,
            double[] adjoint, double weight) {
        double logDensity = logDensity(b, x, k, argOffsets, argSizes, scratch);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return logDensity;
        }
        int p = argOffsets[0];
        double n = b[argOffsets[1]];
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += b[p + i];
        }
        for (int i = 0; i < k; i++) {
            double xi = b[x + i];
            adjoint[p + i] += weight * ((xi > 0 ? xi / b[p + i] : 0) - n / total);
        }
        return logDensity;
    }

    /** Sequential binomial draws. */
    @Override
    public void sample(RandomGenerator random, double[] b, int x, int k, int[] argOffsets, int[] argSizes,
            int scratch) {
        int p = argOffsets[0];
        int remaining = (int) b[argOffsets[1]];
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += b[p + i];
        }
        for (int i = 0; i < k; i++) {
            if (i == k - 1 || remaining == 0) {
                b[x + i] = remaining;
                remaining = 0;
                continue;
            }
            double probability = Math.min(1, Math.max(0, b[p + i] / total));
            int draw = RandomVariates.binomial(random, remaining, probability);
            b[x + i] = draw;
            remaining -= draw;
            total -= b[p + i];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
