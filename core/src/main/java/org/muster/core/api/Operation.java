package org.muster.core.api;

/** The operations a deterministic node can apply to its inputs. */
public enum Operation {
    /** The input itself, under a new name. */
    IDENTITY(1),
    ADD(2),
    SUBTRACT(2),
    MULTIPLY(2),
    DIVIDE(2),
    /** {@code x ^ y}, elementwise. */
    POW(2),
    NEGATE(1),
    EXP(1),
    LOG(1),
    LOG1P(1),
    EXPM1(1),
    /** {@code 1 / (1 + exp(-x))}. */
    INV_LOGIT(1),
    /** {@code log(inv_logit(x))}, computed without overflow. */
    LOG_INV_LOGIT(1),
    SQUARE(1),
    SQRT(1),
    /** The sum of all members: a scalar. */
    SUM(1),
    /** The inner product of two vectors of equal length: a scalar. */
    DOT(2),
    /** Matrix (r × c) times vector (c): a vector of r, e.g. a design matrix times coefficients. */
    MATRIX_VECTOR(2),
    /** Members of a vector picked by an index: {@code theta.at(group)}. */
    GATHER(1),
    /**
     * Members of a vector picked by labels held in another node, 1-based as categorical labels are:
     * {@code mu.select(z)}. The labels may be discrete parameters (mixture indicators); no gradient flows to them.
     */
    SELECT(2),
    /** A {@link org.muster.core.api.functions.NodeFunction} of any number of inputs: {@code Expressions.apply(f, ...)}. */
    FUNCTION(-1);

    private final int arity;

    Operation(int arity) {
        this.arity = arity;
    }

    /** Number of node inputs; -1 for {@link #FUNCTION}, whose function decides. */
    public int arity() {
        return arity;
    }

    /** Whether the operation applies member by member (with scalar broadcasting for two inputs). */
    public boolean isElementwise() {
        return this != SUM && this != DOT && this != MATRIX_VECTOR && this != GATHER
                && this != SELECT && this != FUNCTION;
    }

    /** Lower-case name as in messages, e.g. {@code "inv_logit"}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
