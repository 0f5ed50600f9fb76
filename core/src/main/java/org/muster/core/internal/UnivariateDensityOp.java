package org.muster.core.internal;

import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * Sums a univariate distribution's log density over a plate. Scalar arguments broadcast through a
 * stride of 0; unused parameter slots point at a constant zero.
 */
final class UnivariateDensityOp extends Op {

    private final UnivariateDistribution kernel;
    private final int size;
    private final int valueOffset;
    private final int a;
    private final int b;
    private final int c;
    private final int strideA;
    private final int strideB;
    private final int strideC;

    UnivariateDensityOp(String nodeName, UnivariateDistribution kernel, int size, int valueOffset, int[] argOffsets,
            int[] argStrides) {
        super(nodeName);
        this.kernel = kernel;
        this.size = size;
        this.valueOffset = valueOffset;
        this.a = argOffsets[0];
        this.b = argOffsets[1];
        this.c = argOffsets[2];
        this.strideA = argStrides[0];
        this.strideB = argStrides[1];
        this.strideC = argStrides[2];
    }

    @Override
    double forward(double[] v) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += kernel.logDensity(v[valueOffset + i], v[a + i * strideA], v[b + i * strideB], v[c + i * strideC]);
        }
        return sum;
    }

    @Override
    void backward(double[] v, double[] adj, double[] g) {
        for (int i = 0; i < size; i++) {
            int ia = a + i * strideA;
            int ib = b + i * strideB;
            int ic = c + i * strideC;
            kernel.logDensityGradient(v[valueOffset + i], v[ia], v[ib], v[ic], g);
            adj[valueOffset + i] += g[0];
            adj[ia] += g[1];
            adj[ib] += g[2];
            adj[ic] += g[3];
        }
    }

    @Override
    boolean contributesDensity() {
        return true;
    }
}
