package org.muster.core.internal;

/**
 * One instruction of a compiled model: reads and writes fixed offsets of the evaluator's value buffer
 * and, in reverse, of its adjoint buffer. Ops hold no mutable state, so one program serves all threads.
 */
abstract class Op {

    /** The node this op computes or scores, for messages. */
    final String nodeName;

    Op(String nodeName) {
        this.nodeName = nodeName;
    }

    /**
     * Computes the op's outputs in {@code values}.
     *
     * @return its contribution to the log density (0 for a deterministic op)
     */
    abstract double forward(double[] values);

    /**
     * The op's log-density term when only its arguments may have changed since the last {@link #forward}
     * (its variate, the value it scores, holds the same values as then): a density op may answer from
     * what that forward sweep left in its own slots (sufficient statistics of the variate) instead of
     * passing over the plate again. The answer is {@link #forward}'s up to rounding.
     */
    double forwardArguments(double[] values) {
        return forward(values);
    }

    /**
     * Adds the op's contribution to the adjoints of its inputs, given the adjoints of its outputs.
     *
     * @param values not modified, as left by the forward sweep
     * @param adjoints modified: input adjoints accumulate
     * @param work modified: scratch of at least 4 entries
     */
    abstract void backward(double[] values, double[] adjoints, double[] work);

    /** Whether this op adds to the log density (as opposed to computing a value). */
    boolean contributesDensity() {
        return false;
    }
}
