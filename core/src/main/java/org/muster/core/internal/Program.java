package org.muster.core.internal;

import java.util.List;
import org.muster.core.api.transforms.Transform;

/**
 * A compiled model: ops in topological order over one value buffer, with data and data-only
 * expressions already in place. Immutable and shared; each evaluator owns a copy of the buffer, an
 * adjoint buffer and a small work array, so evaluation allocates nothing.
 */
public final class Program {

    /** Where one parameter lives: its unconstrained block (offset into x, not the buffer) and its constrained value. */
    public record ParameterSlot(int nodeId, Transform transform, int freeOffset, int freeSize, int valueOffset,
            int size) {
    }

    /**
     * How the program maps onto the graph, for {@link BlanketProgram}: the nodes, which ones have no slot
     * (folded into their consumer's op), the node each op computes or scores, and the multivariate
     * kernels' scratch.
     */
    record Layout(List<NodeSpec> nodes, boolean[] fused, int[] opNodes, int scratchOffset) {
    }

    private final Op[] ops;
    private final Layout layout;
    /** Members computed or scored by one forward sweep: {@link #work()}. */
    private final long work;
    private final double[] initialBuffer;
    private final double constantLogDensity;
    private final int adjointStart;
    private final int freeStart;
    private final int dimension;
    private final int[] nodeOffsets;
    private final List<ParameterSlot> parameters;

    /**
     * @param adjointStart where the values whose adjoints are read begin; ops may add to adjoints
     *     before it (of data, say), but no op reads them, so they are not zeroed
     */
    Program(List<Op> ops, double[] initialBuffer, double constantLogDensity, int adjointStart, int freeStart,
            int dimension, int[] nodeOffsets, List<ParameterSlot> parameters, Layout layout) {
        this.ops = ops.toArray(new Op[0]);
        this.layout = layout;
        long members = 0;
        for (int node : layout.opNodes()) {
            members += layout.nodes().get(node).size();
        }
        this.work = members;
        this.initialBuffer = initialBuffer;
        this.constantLogDensity = constantLogDensity;
        this.adjointStart = adjointStart;
        this.freeStart = freeStart;
        this.dimension = dimension;
        this.nodeOffsets = nodeOffsets;
        this.parameters = List.copyOf(parameters);
    }

    /** Number of unconstrained coordinates. */
    public int dimension() {
        return dimension;
    }

    /** A fresh value buffer for an evaluator, data already in place. */
    public double[] newValueBuffer() {
        return initialBuffer.clone();
    }

    /**
     * The model work of one forward sweep: the members of the nodes its ops compute or score (a
     * transform and a density op count their node's members each). {@link BlanketProgram}s count theirs
     * the same way, so the two compare.
     */
    public long work() {
        return work;
    }

    /** The sub-program that evaluates the Markov blanket of the given parameter nodes (see {@link BlanketProgram}). */
    public BlanketProgram blanket(int[] parameterIds) {
        return new BlanketProgram(this, parameterIds);
    }

    Op[] opArray() {
        return ops;
    }

    Layout layout() {
        return layout;
    }

    int freeStart() {
        return freeStart;
    }

    /** The ops in order, for tests of what the compiler fused. */
    List<Op> ops() {
        return List.of(ops);
    }

    /** Offset of node {@code id}'s value in the buffer. */
    public int nodeOffset(int id) {
        return nodeOffsets[id];
    }

    /** The parameters' slots in creation order. */
    public List<ParameterSlot> parameters() {
        return parameters;
    }

    /**
     * Forward sweep at {@code x}.
     *
     * @param x not modified
     * @param values modified: the evaluator's buffer
     * @return the log density, {@code -inf} if any term is not a number
     */
    public double logDensity(double[] x, double[] values) {
        System.arraycopy(x, 0, values, freeStart, dimension);
        double lp = constantLogDensity;
        for (Op op : ops) {
            lp += op.forward(values);
        }
        return lp == lp ? lp : Double.NEGATIVE_INFINITY;
    }

    /**
     * Forward and reverse sweep at {@code x}.
     *
     * @param gradient modified: receives d log p / dx
     * @param values modified
     * @param adjoints modified
     * @param work modified, at least 4 entries
     */
    public double logDensityGradient(double[] x, double[] gradient, double[] values, double[] adjoints, double[] work) {
        double lp = logDensity(x, values);
        java.util.Arrays.fill(adjoints, adjointStart, adjoints.length, 0.0);
        for (int i = ops.length - 1; i >= 0; i--) {
            ops[i].backward(values, adjoints, work);
        }
        System.arraycopy(adjoints, freeStart, gradient, 0, dimension);
        return lp;
    }

    /**
     * Which ops a partial log density leaves out: the log-density terms and log-Jacobians of the named
     * stochastic nodes (their transforms still compute their values).
     *
     * @return one flag per op, true where the op's density contribution is left out
     */
    public boolean[] leftOut(java.util.Set<String> nodeNames) {
        boolean[] out = new boolean[ops.length];
        for (int i = 0; i < ops.length; i++) {
            out[i] = ops[i].contributesDensity() && nodeNames.contains(ops[i].nodeName);
        }
        return out;
    }

    /**
     * Forward sweep at {@code x} with the terms flagged in {@code leftOut} not added.
     *
     * @param leftOut not modified, from {@link #leftOut}
     * @return the log density of the other terms, {@code -inf} if any is not a number
     */
    public double logDensity(double[] x, double[] values, boolean[] leftOut) {
        System.arraycopy(x, 0, values, freeStart, dimension);
        double lp = constantLogDensity;
        for (int i = 0; i < ops.length; i++) {
            if (!leftOut[i]) {
                lp += ops[i].forward(values);
            } else if (ops[i] instanceof TransformOp) {
                // The left-out parameter's value is still computed, for the nodes that read it.
                ops[i].forward(values);
            }
        }
        return lp == lp ? lp : Double.NEGATIVE_INFINITY;
    }

    /** Zeroes the adjoints a reverse sweep reads, before adjoints are seeded. */
    public void clearAdjoints(double[] adjoints) {
        java.util.Arrays.fill(adjoints, adjointStart, adjoints.length, 0.0);
    }

    /** Whether a node's adjoint is read by reverse sweeps (it depends on the parameters and has a slot). */
    public boolean hasAdjoint(int nodeId) {
        return nodeOffsets[nodeId] >= adjointStart;
    }

    /**
     * Reverse sweep from the adjoints already in {@code adjoints} (seeded by the caller after
     * {@link #clearAdjoints}), with the values left by the last forward sweep: with {@code includeDensity}
     * the density terms not flagged in {@code leftOut} add their gradients too (the forward sweep must then
     * have been {@link #logDensity(double[], double[], boolean[])}); without, only the seeded adjoints are
     * carried back, through the transforms but not their log-Jacobians (a vector-Jacobian product). The
     * transforms of left-out nodes carry their values' adjoints back either way, without their log-Jacobians.
     *
     * @param leftOut not modified, or null for none
     * @param adjoints modified
     * @param gradient modified: receives the adjoints of the unconstrained coordinates
     */
    public void reverse(double[] values, double[] adjoints, double[] work, boolean[] leftOut, boolean includeDensity,
            double[] gradient) {
        for (int i = ops.length - 1; i >= 0; i--) {
            Op op = ops[i];
            boolean withDensity = includeDensity && (leftOut == null || !leftOut[i]);
            if (!op.contributesDensity() || withDensity) {
                op.backward(values, adjoints, work);
            } else if (op instanceof TransformOp transform) {
                transform.backwardValues(values, adjoints);
            }
        }
        System.arraycopy(adjoints, freeStart, gradient, 0, dimension);
    }

    /** Forward sweep of value-computing ops only (no density terms): fills every node's value. */
    public void computeValues(double[] x, double[] values) {
        System.arraycopy(x, 0, values, freeStart, dimension);
        for (Op op : ops) {
            if (!op.contributesDensity() || op instanceof TransformOp) {
                op.forward(values);
            }
        }
    }

    /** The node whose log-density term is the first that is not finite at {@code x}, or {@code null}. */
    public String firstNonFiniteTerm(double[] x, double[] values) {
        System.arraycopy(x, 0, values, freeStart, dimension);
        for (Op op : ops) {
            double term = op.forward(values);
            if (op.contributesDensity() && !(term > Double.NEGATIVE_INFINITY && term < Double.POSITIVE_INFINITY)) {
                return op.nodeName;
            }
        }
        return null;
    }
}
