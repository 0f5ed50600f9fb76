package org.muster.core.internal;

/**
 * A sum, difference or product of a gathered vector and another input, {@code f(a[index[i]], b_i)},
 * without the gathered vector in between: the compiler fuses a gather into the elementwise op that is
 * its only consumer, as in {@code alpha.at(county).plus(...)}. That saves a pass over the plate in
 * each sweep, and the gathered vector's values and adjoints in the buffers. The other input is a
 * vector or broadcasts; the reverse sweep adds to the gathered entries one run of equal indices at
 * a time (see {@link IndexRuns}).
 */
final class GatherBinaryOp extends Op {

    private final boolean product;
    /** For a sum: the signs of the gathered and of the other input (a difference is a sum with a -1). */
    private final double gatheredSign;
    private final double otherSign;
    private final int source;
    private final int[] index;
    private final IndexRuns runs;
    private final int other;
    private final boolean otherBroadcast;
    private final boolean otherNeedsAdjoint;
    private final int out;
    private final int size;

    /**
     * @param operation ADD, SUBTRACT or MULTIPLY
     * @param gatheredLeft whether the gathered vector is the left operand
     * @param source the vector gathered from; it depends on a parameter
     * @param index 0-based, one entry per member (not modified, not kept)
     * @param other the other operand
     */
    GatherBinaryOp(String nodeName, NodeSpec.OpCode operation, boolean gatheredLeft, int source, int[] index,
            PlateArgument other, int out) {
        super(nodeName);
        switch (operation) {
            case ADD -> {
                gatheredSign = 1;
                otherSign = 1;
            }
            case SUBTRACT -> {
                gatheredSign = gatheredLeft ? 1 : -1;
                otherSign = gatheredLeft ? -1 : 1;
            }
            case MULTIPLY -> {
                gatheredSign = 1;
                otherSign = 1;
            }
            default -> throw new IllegalArgumentException("cannot fuse a gather into " + operation);
        }
        this.product = operation == NodeSpec.OpCode.MULTIPLY;
        this.source = source;
        this.index = index.clone();
        this.runs = IndexRuns.of(index);
        this.other = other.offset();
        this.otherBroadcast = other.broadcast();
        this.otherNeedsAdjoint = other.needsAdjoint();
        this.out = out;
        this.size = index.length;
    }

    @Override
    double forward(double[] v) {
        // a - b is exactly a + (-1) b and -a + b exactly b - a, so signs reproduce differences exactly.
        if (product) {
            if (otherBroadcast) {
                double b = v[other];
                for (int i = 0; i < size; i++) {
                    v[out + i] = v[source + index[i]] * b;
                }
            } else {
                for (int i = 0; i < size; i++) {
                    v[out + i] = v[source + index[i]] * v[other + i];
                }
            }
        } else if (otherBroadcast) {
            double b = otherSign * v[other];
            for (int i = 0; i < size; i++) {
                v[out + i] = gatheredSign * v[source + index[i]] + b;
            }
        } else {
            for (int i = 0; i < size; i++) {
                v[out + i] = gatheredSign * v[source + index[i]] + otherSign * v[other + i];
            }
        }
        return 0;
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        if (runs.mostlySingletons()) {
            scatter(v, adj);
        } else {
            scatterRuns(v, adj);
        }
        if (otherNeedsAdjoint) {
            accumulateOther(v, adj);
        }
    }

    /** Adds to the gathered entries member by member: for indices in no particular order. */
    private void scatter(double[] v, double[] adj) {
        if (!product) {
            for (int i = 0; i < size; i++) {
                adj[source + index[i]] += gatheredSign * adj[out + i];
            }
        } else if (otherBroadcast) {
            double b = v[other];
            for (int i = 0; i < size; i++) {
                adj[source + index[i]] += adj[out + i] * b;
            }
        } else {
            for (int i = 0; i < size; i++) {
                adj[source + index[i]] += adj[out + i] * v[other + i];
            }
        }
    }

    /** Adds to the gathered entries one run of equal indices at a time: for sorted indices. */
    private void scatterRuns(double[] v, double[] adj) {
        for (int r = 0; r < runs.count(); r++) {
            int start = runs.start(r);
            int n = runs.end(r) - start;
            double partial;
            if (!product) {
                partial = gatheredSign * PlateSums.sum(adj, out + start, out + start + n);
            } else if (otherBroadcast) {
                partial = PlateSums.sum(adj, out + start, out + start + n) * v[other];
            } else {
                partial = PlateSums.dot(adj, out + start, v, other + start, n);
            }
            adj[source + runs.target(r)] += partial;
        }
    }

    private void accumulateOther(double[] v, double[] adj) {
        if (!product) {
            if (otherBroadcast) {
                adj[other] += otherSign * PlateSums.sum(adj, out, out + size);
            } else {
                for (int i = 0; i < size; i++) {
                    adj[other + i] += otherSign * adj[out + i];
                }
            }
        } else if (otherBroadcast) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += adj[out + i] * v[source + index[i]];
            }
            adj[other] += sum;
        } else {
            for (int i = 0; i < size; i++) {
                adj[other + i] += adj[out + i] * v[source + index[i]];
            }
        }
    }
}
