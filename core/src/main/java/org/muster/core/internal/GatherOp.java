package org.muster.core.internal;

/** Picks members of a vector by index: group parameters gathered to observations. */
final class GatherOp extends Op {

    private final int in;
    private final int out;
    private final int[] index;
    /** Runs of equal consecutive indices: run r covers members runStarts[r] to runStarts[r + 1] - 1. */
    private final int[] runStarts;
    private final int[] runTargets;

    GatherOp(String nodeName, int in, int out, int[] index) {
        super(nodeName);
        this.in = in;
        this.out = out;
        this.index = index.clone();
        int runs = 0;
        for (int i = 0; i < index.length; i++) {
            if (i == 0 || index[i] != index[i - 1]) {
                runs++;
            }
        }
        runStarts = new int[runs + 1];
        runTargets = new int[runs];
        int r = 0;
        for (int i = 0; i < index.length; i++) {
            if (i == 0 || index[i] != index[i - 1]) {
                runStarts[r] = i;
                runTargets[r] = index[i];
                r++;
            }
        }
        runStarts[runs] = index.length;
    }

    @Override
    double forward(double[] v) {
        for (int i = 0; i < index.length; i++) {
            v[out + i] = v[in + index[i]];
        }
        return 0;
    }

    /**
     * Scatters the adjoints back. Data are usually sorted by group, so consecutive members often
     * pick the same entry: each run is summed in registers and added once, rather than each member
     * adding to memory that the previous member just wrote, a chain of dependent loads and stores
     * that made this loop the slowest of the radon model's reverse sweep.
     */
    @Override
    void backward(double[] v, double[] adj, double[] work) {
        for (int r = 0; r < runTargets.length; r++) {
            adj[in + runTargets[r]] += PlateSums.sum(adj, out + runStarts[r], out + runStarts[r + 1]);
        }
    }
}
