package org.muster.lang.internal.compiler;

import java.util.Arrays;
import org.muster.lang.internal.data.DataArray;
import org.muster.lang.internal.text.Position;

/**
 * One variable of a BUGS model with what is known of each of its elements (column-major): whether it is
 * data, defined by which relation, and once built, which graph node holds it and at which member.
 */
final class Variable {

    /** What an element is. */
    enum Kind {
        /** Neither in the data nor defined by a relation. */
        UNDEFINED,
        /** In the data, not defined by a relation (a constant, a covariate, a size). */
        DATA,
        /** In the data as NA and defined by no relation: reading it is an error. */
        MISSING,
        /** Defined by a stochastic relation and observed (its value is in the data). */
        OBSERVED,
        /** Defined by a stochastic relation, unobserved: a parameter. */
        PARAMETER,
        /** Defined by a deterministic relation. */
        DETERMINISTIC
    }

    final String name;
    final int[] dimensions;
    final int size;
    final Kind[] kind;
    /** The relation defining each element, or -1. */
    final int[] relation;
    /** Each element's value when it is known without sampling (data, observed, deterministic of data); NaN otherwise. */
    final double[] known;
    /** Index of the graph node holding each element (into the compiler's node list), -1 until built. */
    final int[] node;
    /** The member of that node. */
    final int[] member;
    /** The data this variable came from, or null. */
    final DataArray data;
    /** Where the variable is first defined or used, for messages. */
    Position firstPosition;

    Variable(String name, int[] dimensions, DataArray data) {
        this.name = name;
        this.dimensions = dimensions.clone();
        int s = 1;
        for (int d : dimensions) {
            s *= d;
        }
        this.size = s;
        this.kind = new Kind[s];
        this.relation = new int[s];
        this.known = new double[s];
        this.node = new int[s];
        this.member = new int[s];
        this.data = data;
        Arrays.fill(relation, -1);
        Arrays.fill(node, -1);
        Arrays.fill(known, Double.NaN);
        for (int e = 0; e < s; e++) {
            if (data == null) {
                kind[e] = Kind.UNDEFINED;
            } else {
                double v = data.value(e);
                kind[e] = Double.isNaN(v) ? Kind.MISSING : Kind.DATA;
                known[e] = v;
            }
        }
    }

    int rank() {
        return dimensions.length;
    }

    /** The BUGS name of element {@code e}: {@code theta[3]}, {@code Y[2,5]}, or the name of a scalar. */
    String elementName(int e) {
        return DataArray.memberName(name, dimensions, e);
    }

    /** Column-major flat index of 1-based indices (checked by the caller). */
    int flat(int[] indices) {
        int f = 0;
        int stride = 1;
        for (int d = 0; d < dimensions.length; d++) {
            f += (indices[d] - 1) * stride;
            stride *= dimensions[d];
        }
        return f;
    }

    /** Stride of dimension {@code d} in the column-major layout. */
    int stride(int d) {
        int stride = 1;
        for (int i = 0; i < d; i++) {
            stride *= dimensions[i];
        }
        return stride;
    }

    /** Whether element e's value is known without sampling. */
    boolean isKnown(int e) {
        return !Double.isNaN(known[e]) && (kind[e] == Kind.DATA || kind[e] == Kind.OBSERVED
                || kind[e] == Kind.DETERMINISTIC);
    }

    /** How the dimensions read in messages: "a scalar", "a vector [8]", "an array [30,5]". */
    String describeDimensions() {
        if (dimensions.length == 0) {
            return "a scalar";
        }
        return (dimensions.length == 1 ? "a vector " : "an array ") + Arrays.toString(dimensions).replace(" ", "");
    }
}
