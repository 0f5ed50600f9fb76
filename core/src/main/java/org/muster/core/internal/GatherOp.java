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

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        for (int i = 0; i < index.length; i++) {
            adj[in + index[i]] += adj[out + i];
        }
    }
}
