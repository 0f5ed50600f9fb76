package org.muster.core.api.functions;

import java.util.List;

/**
 * A reduction of each block of {@code blockSize} consecutive members to one number: a vector of n
 * blocks gives n results (a scalar for one block). {@code inprod} takes two arguments of equal size.
 */
final class BlockReduction implements NodeFunction {

    enum Kind { SUM, PRODUCT, MEAN, SD, MAX, MIN, INNER_PRODUCT }

    private final Kind kind;
    private final int blockSize;

    BlockReduction(Kind kind, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block needs at least one member, got " + blockSize);
        }
        this.kind = kind;
        this.blockSize = blockSize;
    }

    @Override
    public String name() {
        return switch (kind) {
            case SUM -> "sum";
            case PRODUCT -> "prod";
            case MEAN -> "mean";
            case SD -> "sd";
            case MAX -> "max";
            case MIN -> "min";
            case INNER_PRODUCT -> "inprod";
        };
    }

    @Override
    public int[] resultDimensions(List<int[]> arguments) {
        int arity = kind == Kind.INNER_PRODUCT ? 2 : 1;
        if (arguments.size() != arity) {
            throw new IllegalArgumentException(name() + " takes " + arity + " argument" + (arity == 1 ? "" : "s")
                    + ", got " + arguments.size());
        }
        int size = Dimensions.size(arguments.get(0));
        if (arity == 2 && Dimensions.size(arguments.get(1)) != size) {
            throw new IllegalArgumentException("inprod: arguments of " + size + " and " + Dimensions.size(arguments.get(1))
                    + " members; they must have equal length");
        }
        if (size % blockSize != 0) {
            throw new IllegalArgumentException(name() + ": " + size + " members do not split into blocks of " + blockSize);
        }
        if (kind == Kind.SD && blockSize < 2) {
            throw new IllegalArgumentException("sd needs at least two members per block");
        }
        int blocks = size / blockSize;
        return Dimensions.vectorOf(blocks);
    }

    @Override
    public void evaluate(double[] v, int[] offsets, int[] sizes, int out, int size, int scratch) {
        int x = offsets[0];
        for (int block = 0; block < size; block++) {
            int start = x + block * blockSize;
            double r;
            switch (kind) {
                case SUM, MEAN -> {
                    double s = 0;
                    for (int i = 0; i < blockSize; i++) {
                        s += v[start + i];
                    }
                    r = kind == Kind.SUM ? s : s / blockSize;
                }
                case PRODUCT -> {
                    double p = 1;
                    for (int i = 0; i < blockSize; i++) {
                        p *= v[start + i];
                    }
                    r = p;
                }
                case SD -> r = Math.sqrt(variance(v, start));
                case MAX -> {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < blockSize; i++) {
                        m = Math.max(m, v[start + i]);
                    }
                    r = m;
                }
                case MIN -> {
                    double m = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < blockSize; i++) {
                        m = Math.min(m, v[start + i]);
                    }
                    r = m;
                }
                default -> {
                    int y = offsets[1] + block * blockSize;
                    double s = 0;
                    for (int i = 0; i < blockSize; i++) {
                        s += v[start + i] * v[y + i];
                    }
                    r = s;
                }
            }
            v[out + block] = r;
        }
    }

    private double variance(double[] v, int start) {
        double mean = 0;
        for (int i = 0; i < blockSize; i++) {
            mean += v[start + i];
        }
        mean /= blockSize;
        double ss = 0;
        for (int i = 0; i < blockSize; i++) {
            double d = v[start + i] - mean;
            ss += d * d;
        }
        return ss / (blockSize - 1);
    }

    @Override
    public void backward(double[] v, double[] adj, int[] offsets, int[] sizes, int out, int size, int scratch) {
        int x = offsets[0];
        for (int block = 0; block < size; block++) {
            double g = adj[out + block];
            if (g == 0) {
                continue;
            }
            int start = x + block * blockSize;
            switch (kind) {
                case SUM, MEAN -> {
                    double d = kind == Kind.SUM ? g : g / blockSize;
                    for (int i = 0; i < blockSize; i++) {
                        adj[start + i] += d;
                    }
                }
                case PRODUCT -> {
                    for (int i = 0; i < blockSize; i++) {
                        double others = 1;
                        for (int j = 0; j < blockSize; j++) {
                            if (j != i) {
                                others *= v[start + j];
                            }
                        }
                        adj[start + i] += g * others;
                    }
                }
                case SD -> {
                    double sd = v[out + block];
                    double mean = 0;
                    for (int i = 0; i < blockSize; i++) {
                        mean += v[start + i];
                    }
                    mean /= blockSize;
                    if (sd > 0) {
                        for (int i = 0; i < blockSize; i++) {
                            adj[start + i] += g * (v[start + i] - mean) / ((blockSize - 1) * sd);
                        }
                    }
                }
                case MAX, MIN -> {
                    double chosen = v[out + block];
                    for (int i = 0; i < blockSize; i++) {
                        if (v[start + i] == chosen) {
                            adj[start + i] += g;
                            break;
                        }
                    }
                }
                default -> {
                    int y = offsets[1] + block * blockSize;
                    for (int i = 0; i < blockSize; i++) {
                        adj[start + i] += g * v[y + i];
                        adj[y + i] += g * v[start + i];
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return name() + "(blocks of " + blockSize + ")";
    }
}
