package org.muster.core.api.distributions;

/** The set of values a distribution puts mass on; decides the transform a free parameter gets. */
public enum Support {
    /** All real numbers. */
    REAL(false),
    /** Strictly positive reals (x > 0). */
    POSITIVE(false),
    /** The open unit interval (0, 1). */
    UNIT_INTERVAL(false),
    /** The open interval between the first two parameters (lower, upper). */
    PARAMETER_INTERVAL(false),
    /** A real vector of any value (multivariate normal). */
    REAL_VECTOR(false),
    /** A probability vector: positive entries summing to one. */
    SIMPLEX(false),
    /** The Cholesky factor of a correlation matrix, K × K row-major, lower triangular. */
    CHOLESKY_CORRELATION(false),
    /** The integers 0 and 1. */
    BINARY(true),
    /** The integers 0, 1, 2, .... */
    NONNEGATIVE_INTEGER(true),
    /** The integers 0, ..., n where n is the first parameter (binomial trials). */
    BOUNDED_INTEGER(true),
    /** Category labels 1, ..., K where K is the length of the probability vector. */
    CATEGORY(true);

    private final boolean discrete;

    Support(boolean discrete) {
        this.discrete = discrete;
    }

    /** Whether the support is a set of integers (such nodes must be observed for gradient methods). */
    public boolean isDiscrete() {
        return discrete;
    }
}
