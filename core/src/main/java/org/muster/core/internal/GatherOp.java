package org.muster.core.internal;

/** Picks members of a vector by index: group parameters gathered to observations. */
final class GatherOp extends Op {

    private final int in;
    private final int out;
    private final int[] index;
    private final IndexRuns runs;

    GatherOp(String nodeName, int in, int out, int[] index) {
        super(nodeName);
        this.in = in;
        this.out = out;
        this.index = index.clone();
        this.runs = IndexRuns.of(index);
    }

    @Override
    double forward(double[] v) {
        for (int i = 0; i < index.length; i++) {
            v[out + i] = v[in + index[i]];
        }
        return 0;
    }

    /** Scatters the adjoints back, one addition per run of equal indices if there are runs (see {@link IndexRuns}). */
    @Override
    void backward(double[] v, double[] adj, double[] work) {
        if (runs.mostlySingletons()) {
            for (int i = 0; i < index.length; i++) {
                adj[in + index[i]] += adj[out + i];
            }
            return;
        }
        for (int r = 0; r < runs.count(); r++) {
            adj[in + runs.target(r)] += PlateSums.sum(adj, out + runs.start(r), out + runs.end(r));
        }
    }
}
