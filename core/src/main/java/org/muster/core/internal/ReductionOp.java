package org.muster.core.internal;

/** The sum of a vector's members, or the dot product of two vectors: a scalar. */
final class ReductionOp extends Op {

    private final boolean dot;
    private final int left;
    private final int right;
    private final int out;
    private final int size;

    ReductionOp(String nodeName, boolean dot, int left, int right, int out, int size) {
        super(nodeName);
        this.dot = dot;
        this.left = left;
        this.right = right;
        this.out = out;
        this.size = size;
    }

    @Override
    double forward(double[] v) {
        double sum = 0;
        if (!dot) {
            for (int i = 0; i < size; i++) {
                sum += v[left + i];
            }
        } else {
            for (int i = 0; i < size; i++) {
                sum += v[left + i] * v[right + i];
            }
        }
        v[out] = sum;
        return 0;
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        double g = adj[out];
        if (!dot) {
            for (int i = 0; i < size; i++) {
                adj[left + i] += g;
            }
        } else {
            for (int i = 0; i < size; i++) {
                adj[left + i] += g * v[right + i];
                adj[right + i] += g * v[left + i];
            }
        }
    }
}
