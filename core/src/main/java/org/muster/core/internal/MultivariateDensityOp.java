package org.muster.core.internal;

import org.muster.core.api.distributions.MultivariateDistribution;

/** The log density of a multivariate distribution evaluated in place on the value buffer. */
final class MultivariateDensityOp extends Op {

    private final MultivariateDistribution kernel;
    private final int valueOffset;
    private final int valueSize;
    private final int[] argOffsets;
    private final int[] argSizes;
    private final int scratchOffset;

    MultivariateDensityOp(String nodeName, MultivariateDistribution kernel, int valueOffset, int valueSize,
            int[] argOffsets, int[] argSizes, int scratchOffset) {
        super(nodeName);
        this.kernel = kernel;
        this.valueOffset = valueOffset;
        this.valueSize = valueSize;
        this.argOffsets = argOffsets.clone();
        this.argSizes = argSizes.clone();
        this.scratchOffset = scratchOffset;
    }

    @Override
    double forward(double[] v) {
        return kernel.logDensity(v, valueOffset, valueSize, argOffsets, argSizes, scratchOffset);
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        kernel.logDensityGradient(v, valueOffset, valueSize, argOffsets, argSizes, scratchOffset, adj, 1.0);
    }

    @Override
    boolean contributesDensity() {
        return true;
    }
}
