package org.muster.core.api;

/**
 * Functions of nodes for building deterministic expressions; import statically:
 * {@code import static org.muster.core.api.Expressions.*}. Each adds an anonymous node to the
 * builder that owns its arguments.
 */
public final class Expressions {

    private Expressions() {
    }

    public static Node exp(Node x) {
        return x.owner().apply(Operation.EXP, x);
    }

    public static Node log(Node x) {
        return x.owner().apply(Operation.LOG, x);
    }

    public static Node log1p(Node x) {
        return x.owner().apply(Operation.LOG1P, x);
    }

    public static Node expm1(Node x) {
        return x.owner().apply(Operation.EXPM1, x);
    }

    /** The logistic function {@code 1 / (1 + exp(-x))}. */
    public static Node invLogit(Node x) {
        return x.owner().apply(Operation.INV_LOGIT, x);
    }

    /** {@code log(inv_logit(x))}, stable for large |x|. */
    public static Node logInvLogit(Node x) {
        return x.owner().apply(Operation.LOG_INV_LOGIT, x);
    }

    public static Node square(Node x) {
        return x.owner().apply(Operation.SQUARE, x);
    }

    public static Node sqrt(Node x) {
        return x.owner().apply(Operation.SQRT, x);
    }

    public static Node pow(Node base, Node exponent) {
        return base.pow(exponent);
    }

    public static Node pow(Node base, double exponent) {
        return base.pow(exponent);
    }

    /** The sum of all members: a scalar. */
    public static Node sum(Node x) {
        return x.owner().apply(Operation.SUM, x);
    }

    /** The inner product of two vectors of equal length. */
    public static Node dot(Node a, Node b) {
        return a.owner().apply(Operation.DOT, a, b);
    }

    /**
     * A function beyond the built-in operations applied to nodes of one builder, e.g.
     * {@code apply(Functions.phi(), z)}.
     *
     * @throws IllegalArgumentException if the function does not take arguments of these shapes
     */
    public static Node apply(org.muster.core.api.functions.NodeFunction function, Node... arguments) {
        if (arguments.length == 0) {
            throw new IllegalArgumentException(function.name() + "(): needs at least one node argument");
        }
        return arguments[0].owner().applyFunction(function, arguments);
    }

    /** A matrix (r × c, typically a design matrix) times a vector of c: a vector of r. */
    public static Node multiply(Node matrix, Node vector) {
        return matrix.owner().apply(Operation.MATRIX_VECTOR, matrix, vector);
    }
}
