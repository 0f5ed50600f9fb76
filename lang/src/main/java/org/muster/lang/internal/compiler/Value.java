package org.muster.lang.internal.compiler;

import java.util.Arrays;
import org.muster.core.api.Node;

/**
 * The value of an expression over a set of instances: per instance an array of the given dimensions
 * (none for a scalar), the instances one after another; either constant (known from the data, held as
 * numbers) or a node of the graph. {@code count} is the number of instances it varies over: the
 * instance count, or 1 when it is the same in every instance.
 */
final class Value {

    private final int[] dimensions;
    private final int count;
    private final double[] constant;
    private final Node node;

    private Value(int[] dimensions, int count, double[] constant, Node node) {
        this.dimensions = dimensions;
        this.count = count;
        this.constant = constant;
        this.node = node;
    }

    /** A constant: {@code values} holds count × (per-instance size) numbers. @param values owned by the value */
    static Value constant(int[] dimensions, int count, double[] values) {
        return new Value(dimensions.clone(), count, values, null);
    }

    static Value scalar(double value) {
        return new Value(new int[0], 1, new double[] {value}, null);
    }

    /** A node of count × (per-instance size) members. */
    static Value node(int[] dimensions, int count, Node node) {
        if (node.size() != count * size(dimensions)) {
            throw new IllegalStateException("node " + node.name() + " has " + node.size() + " members, expected "
                    + count + " × " + size(dimensions));
        }
        return new Value(dimensions.clone(), count, null, node);
    }

    static int size(int[] dimensions) {
        int s = 1;
        for (int d : dimensions) {
            s *= d;
        }
        return s;
    }

    int[] dimensions() {
        return dimensions.clone();
    }

    int rank() {
        return dimensions.length;
    }

    /** Members per instance. */
    int width() {
        return size(dimensions);
    }

    int count() {
        return count;
    }

    boolean isConstant() {
        return constant != null;
    }

    /** The numbers of a constant (shared; callers do not modify). */
    double[] values() {
        return constant;
    }

    Node node() {
        return node;
    }

    boolean isScalarPerInstance() {
        return width() == 1;
    }

    /** How the per-instance shape reads in messages: "a scalar", "a vector of 3", "a 2 × 3 array". */
    String describeShape() {
        if (dimensions.length == 0 || width() == 1 && dimensions.length <= 1) {
            return dimensions.length == 0 ? "a scalar" : "a vector of 1";
        }
        if (dimensions.length == 1) {
            return "a vector of " + dimensions[0];
        }
        return "an array " + Arrays.toString(dimensions).replace(", ", " × ").replace("[", "").replace("]", "");
    }
}
