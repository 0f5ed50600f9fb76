package org.muster.core.internal;

import org.muster.core.api.functions.NodeFunction;

/** A {@link NodeFunction} evaluated in place on the value buffer. */
final class FunctionOp extends Op {

    private final NodeFunction function;
    private final int[] argumentOffsets;
    private final int[] argumentSizes;
    private final int resultOffset;
    private final int resultSize;
    private final int scratchOffset;
    private final boolean differentiable;

    FunctionOp(String nodeName, NodeFunction function, int[] argumentOffsets, int[] argumentSizes, int resultOffset,
            int resultSize, int scratchOffset) {
        super(nodeName);
        this.function = function;
        this.argumentOffsets = argumentOffsets.clone();
        this.argumentSizes = argumentSizes.clone();
        this.resultOffset = resultOffset;
        this.resultSize = resultSize;
        this.scratchOffset = scratchOffset;
        this.differentiable = function.isDifferentiable();
    }

    @Override
    double forward(double[] values) {
        function.evaluate(values, argumentOffsets, argumentSizes, resultOffset, resultSize, scratchOffset);
        return 0;
    }

    @Override
    void backward(double[] values, double[] adjoints, double[] work) {
        if (differentiable) {
            function.backward(values, adjoints, argumentOffsets, argumentSizes, resultOffset, resultSize, scratchOffset);
        }
    }
}
