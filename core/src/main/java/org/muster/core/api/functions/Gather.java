package org.muster.core.api.functions;

import java.util.List;

/**
 * Members picked from several nodes: result member {@code i} is member {@code positions[i]} of
 * argument {@code sources[i]}, so a vector can be put together from pieces held by different nodes.
 */
final class Gather implements NodeFunction {

    private final int[] sources;
    private final int[] positions;
    private final int[] dimensions;

    Gather(int[] sources, int[] positions, int[] dimensions) {
        if (sources.length != positions.length || sources.length != Dimensions.size(dimensions)) {
            throw new IllegalArgumentException("gather: " + sources.length + " sources and " + positions.length
                    + " positions for a result of " + Dimensions.size(dimensions) + " members");
        }
        this.sources = sources.clone();
        this.positions = positions.clone();
        this.dimensions = dimensions.clone();
    }

    @Override
    public String name() {
        return "gather";
    }

    @Override
    public int[] resultDimensions(List<int[]> arguments) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] < 0 || sources[i] >= arguments.size()) {
                throw new IllegalArgumentException("gather: member " + (i + 1) + " comes from argument " + (sources[i] + 1)
                        + " but there are " + arguments.size());
            }
            if (positions[i] < 0 || positions[i] >= Dimensions.size(arguments.get(sources[i]))) {
                throw new IllegalArgumentException("gather: member " + (i + 1) + " is member " + (positions[i] + 1)
                        + " of argument " + (sources[i] + 1) + ", which has " + Dimensions.size(arguments.get(sources[i])));
            }
        }
        return dimensions.clone();
    }

    @Override
    public void evaluate(double[] v, int[] offsets, int[] sizes, int out, int size, int scratch) {
        for (int i = 0; i < size; i++) {
            v[out + i] = v[offsets[sources[i]] + positions[i]];
        }
    }

    @Override
    public void backward(double[] v, double[] adj, int[] offsets, int[] sizes, int out, int size, int scratch) {
        for (int i = 0; i < size; i++) {
            adj[offsets[sources[i]] + positions[i]] += adj[out + i];
        }
    }

    @Override
    public String toString() {
        return "gather(" + sources.length + " members)";
    }
}
