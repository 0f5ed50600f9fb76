package org.muster.core.api;

/**
 * An unnormalized log density over an unconstrained real space, with its gradient: what gradient-based
 * samplers, optimizers and variational methods need. A compiled {@link Model} gives one per thread
 * through {@link CompiledModel#newEvaluator()}; anyone may implement it directly for a hand-written
 * target. Implementations need not be thread-safe: give each chain its own.
 */
public interface LogDensity {

    /** Number of unconstrained coordinates. */
    int dimension();

    /**
     * The log density at {@code x} ({@code Double.NEGATIVE_INFINITY} outside the support, never an
     * exception for a finite point).
     *
     * @param x not modified, length {@link #dimension()}
     */
    double logDensity(double[] x);

    /**
     * The log density at {@code x} and its gradient.
     *
     * @param x not modified, length {@link #dimension()}
     * @param gradient modified: receives d log p / dx, length {@link #dimension()}
     * @return the log density, as {@link #logDensity(double[])}
     */
    double logDensityGradient(double[] x, double[] gradient);
}
