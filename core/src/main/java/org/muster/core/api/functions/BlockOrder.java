package org.muster.core.api.functions;

import java.util.List;

/**
 * Sorting within blocks of {@code blockSize} consecutive members: the sorted values (the gradient
 * follows each value to where it came from), or the ranks or the order (1-based, no gradient).
 */
final class BlockOrder implements NodeFunction {

    enum Kind { SORT, RANK, ORDER }

    private final Kind kind;
    private final int blockSize;

    BlockOrder(Kind kind, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block needs at least one member, got " + blockSize);
        }
        this.kind = kind;
        this.blockSize = blockSize;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int[] resultDimensions(List<int[]> arguments) {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException(name() + " takes 1 argument, got " + arguments.size());
        }
        if (Dimensions.size(arguments.get(0)) % blockSize != 0) {
            throw new IllegalArgumentException(name() + ": " + Dimensions.size(arguments.get(0))
                    + " members do not split into blocks of " + blockSize);
        }
        return Dimensions.vectorOf(Dimensions.size(arguments.get(0)));
    }

    @Override
    public int scratchSize(int[] argumentSizes, int resultSize) {
        return blockSize;
    }

    @Override
    public boolean isDifferentiable() {
        return kind == Kind.SORT;
    }

    @Override
    public void evaluate(double[] v, int[] offsets, int[] sizes, int out, int size, int scratch) {
        for (int start = 0; start < size; start += blockSize) {
            int in = offsets[0] + start;
            order(v, in, scratch);
            for (int j = 0; j < blockSize; j++) {
                int source = (int) v[scratch + j];
                switch (kind) {
                    case SORT -> v[out + start + j] = v[in + source];
                    case ORDER -> v[out + start + j] = source + 1;
                    case RANK -> v[out + start + source] = j + 1;
                }
            }
        }
    }

    @Override
    public void backward(double[] v, double[] adj, int[] offsets, int[] sizes, int out, int size, int scratch) {
        for (int start = 0; start < size; start += blockSize) {
            int in = offsets[0] + start;
            order(v, in, scratch);
            for (int j = 0; j < blockSize; j++) {
                adj[in + (int) v[scratch + j]] += adj[out + start + j];
            }
        }
    }

    /** Writes at scratch the 0-based positions of the block's members in ascending order (a stable insertion sort). */
    private void order(double[] v, int in, int scratch) {
        for (int i = 0; i < blockSize; i++) {
            double x = v[in + i];
            int j = i;
            while (j > 0 && v[in + (int) v[scratch + j - 1]] > x) {
                v[scratch + j] = v[scratch + j - 1];
                j--;
            }
            v[scratch + j] = i;
        }
    }

    @Override
    public String toString() {
        return name() + "(blocks of " + blockSize + ")";
    }
}
