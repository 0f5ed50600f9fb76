package org.muster.core.internal;

import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.functions.NodeFunction;

/**
 * What the compiler needs of one graph node, in terms of its own: the public graph translates itself
 * into these, which keeps this package free of the API's graph types.
 *
 * @param id position in topological order
 * @param name node name for messages
 * @param kind what the node is
 * @param rows rows of the value (length of a vector, 1 for a scalar)
 * @param columns columns of the value (1 unless a matrix)
 * @param operation for a deterministic node, its operation; otherwise {@code null}
 * @param distribution for a stochastic node, its kernel; otherwise {@code null}
 * @param inputs ids of the operands or distribution arguments
 * @param values data or observed values, else {@code null}
 * @param index 0-based gather index, else {@code null}
 * @param dataOnly whether the value depends on no parameter
 * @param function for a {@link OpCode#FUNCTION} node, its function; otherwise {@code null}
 */
public record NodeSpec(int id, String name, Kind kind, int rows, int columns, OpCode operation,
        DistributionKernel distribution, int[] inputs, double[] values, int[] index, boolean dataOnly,
        NodeFunction function) {

    /** A node that is not a function node. */
    public NodeSpec(int id, String name, Kind kind, int rows, int columns, OpCode operation,
            DistributionKernel distribution, int[] inputs, double[] values, int[] index, boolean dataOnly) {
        this(id, name, kind, rows, columns, operation, distribution, inputs, values, index, dataOnly, null);
    }

    /** Kinds of node. */
    public enum Kind {
        DATA, PARAMETER, OBSERVED, DETERMINISTIC
    }

    /** Deterministic operations, as the graph API's {@code Operation}, by the same names. */
    public enum OpCode {
        IDENTITY, ADD, SUBTRACT, MULTIPLY, DIVIDE, POW, NEGATE, EXP, LOG, LOG1P, EXPM1, INV_LOGIT, LOG_INV_LOGIT, SQUARE,
        SQRT, SUM, DOT, MATRIX_VECTOR, GATHER, SELECT, FUNCTION;

        boolean isUnary() {
            return switch (this) {
                case NEGATE, EXP, LOG, LOG1P, EXPM1, INV_LOGIT, LOG_INV_LOGIT, SQUARE, SQRT -> true;
                default -> false;
            };
        }
    }

    int size() {
        return rows * columns;
    }

    boolean isStochastic() {
        return kind == Kind.PARAMETER || kind == Kind.OBSERVED;
    }
}
