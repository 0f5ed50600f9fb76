package org.muster.core.internal;

/** Picks members of a vector by index: group parameters gathered to observations. */
final class GatherOp extends Op {

    private final int in;
    private final int out;
    private final int[] index;

    GatherOp(String nodeName, int in, int out, int[] index) {
        super(nodeName);
        this.in = in;
        this.out = out;
        this.index = index.clone();
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
     * pick the same entry: each run is summed in a register and added once, rather than
     * each member adding to memory that the previous member just wrote, a chain of dependent loads
     * and stores that made this loop the slowest of the radon model's reverse sweep.
     */
    @Override
    void backward(double[] v, double[] adj, double[] work) {
        int n = index.length;
        int i = 0;
        while (i < n) {
            int target = index[i];
            double sum = adj[out + i];
            i++;
            while (i < n && index[i] == target) {
                sum += adj[out + i];
                i++;
            }
            adj[in + target] += sum;
        }
    }
}
