package org.muster.core.api.functions;

import java.util.List;

/**
 * A deterministic function of one or more nodes beyond the built-in operations (the normal
 * distribution function, a rounding, a matrix inverse, a reduction over slices), applied with
 * {@code Expressions.apply}. Its values live in one caller-owned buffer at offsets, as for
 * multivariate distributions: argument {@code i} at {@code argumentOffsets[i]} with
 * {@code argumentSizes[i]} entries, the result at {@code resultOffset}, and {@link #scratchSize}
 * entries of scratch at {@code scratchOffset}. Implementations are immutable and thread-safe and
 * allocate nothing per evaluation.
 */
public interface NodeFunction {

    /** Lower-case name for messages, e.g. {@code "phi"}. */
    String name();

    /**
     * The dimensions of the result for arguments of these dimensions: none for a scalar, {@code {n}} for
     * a vector of n, {@code {rows, columns}} for a matrix.
     *
     * @throws IllegalArgumentException if the function does not take such arguments, naming the mismatch
     */
    int[] resultDimensions(List<int[]> arguments);

    /** How many scratch entries {@link #evaluate} and {@link #backward} need. */
    default int scratchSize(int[] argumentSizes, int resultSize) {
        return 0;
    }

    /**
     * Computes the result.
     *
     * @param buffer modified at the result and the scratch only
     */
    void evaluate(double[] buffer, int[] argumentOffsets, int[] argumentSizes, int resultOffset, int resultSize,
            int scratchOffset);

    /**
     * Reverse-mode step: adds to each argument's adjoint the result's adjoint times the derivative of the
     * result with respect to that argument (the vector-Jacobian product).
     *
     * @param values modified at the scratch only; the arguments and the result as {@link #evaluate} left them
     * @param adjoints modified: the arguments' entries accumulate, never assigned
     */
    void backward(double[] values, double[] adjoints, int[] argumentOffsets, int[] argumentSizes, int resultOffset,
            int resultSize, int scratchOffset);

    /**
     * Whether the function has a derivative that is not zero almost everywhere; {@code false} for step
     * functions and roundings, whose {@link #backward} may then do nothing.
     */
    default boolean isDifferentiable() {
        return true;
    }
}
