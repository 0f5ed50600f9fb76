package org.muster.core.api.functions;

import java.util.List;
import org.muster.core.api.Shape;

/**
 * Members picked from several nodes: result member {@code i} is member {@code positions[i]} of
 * argument {@code sources[i]}, so a vector can be put together from pieces held by different nodes.
 */
final class Gather implements NodeFunction {

    private final int[] sources;
    private final int[] positions;
    private final Shape shape;

    Gather(int[] sources, int[] positions, Shape shape) {
        if (sources.length != positions.length || sources.length != shape.size()) {
            throw new IllegalArgumentException("gather: " + sources.length + " sources and " + positions.length
                    + " positions for a result of " + shape.size() + " members");
        }
        this.sources = sources.clone();
        this.positions = positions.clone();
        this.shape = shape;
    }

    @Override
    public String name() {
        return "gather";
    }

    @Override
    public Shape resultShape(List<Shape> arguments) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] < 0 || sources[i] >= arguments.size()) {
                throw new IllegalArgumentException("gather: member " + (i + 1) + " comes from argument " + (sources[i] + 1)
                        + " but there are " + arguments.size());
            }
            if (positions[i] < 0 || positions[i] >= arguments.get(sources[i]).size()) {
                throw new IllegalArgumentException("gather: member " + (i + 1) + " is member " + (positions[i] + 1)
                        + " of argument " + (sources[i] + 1) + ", which has " + arguments.get(sources[i]).size());
            }
        }
        return shape;
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
