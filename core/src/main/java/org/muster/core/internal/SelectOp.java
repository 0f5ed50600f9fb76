package org.muster.core.internal;

/**
 * Picks members of a vector by 1-based labels held in the buffer ({@code mu.select(z)}); a label that
 * is not an integer in 1..K gives NaN. The adjoint scatters back to the picked members; labels get none.
 */
final class SelectOp extends Op {

    private final int in;
    private final int inSize;
    private final int labels;
    private final int out;
    private final int size;

    SelectOp(String nodeName, int in, int inSize, int labels, int out, int size) {
        super(nodeName);
        this.in = in;
        this.inSize = inSize;
        this.labels = labels;
        this.out = out;
        this.size = size;
    }

    @Override
    double forward(double[] v) {
        for (int i = 0; i < size; i++) {
            double label = v[labels + i];
            int k = (int) label;
            v[out + i] = k == label && k >= 1 && k <= inSize ? v[in + k - 1] : Double.NaN;
        }
        return 0;
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        for (int i = 0; i < size; i++) {
            int k = (int) v[labels + i];
            if (k >= 1 && k <= inSize) {
                adj[in + k - 1] += adj[out + i];
            }
        }
    }
}
