package org.muster.samplers.internal.gibbs;

import java.util.random.RandomGenerator;
import org.muster.core.api.ModelEvaluator;

/**
 * One chain's working state during a Gibbs sweep: the position the updates modify in place, the log
 * density there when known, the chain's random stream and evaluator, and a count of evaluations.
 * Not thread-safe; each chain has its own.
 */
final class Sweep {

    final ModelEvaluator evaluator;
    final RandomGenerator random;
    /** The unconstrained position; modified in place by the updates. */
    final double[] position;
    private double logDensity;
    private boolean logDensityCurrent;
    private long evaluations;
    private boolean warmup;

    /** @param initialPoint not modified */
    Sweep(ModelEvaluator evaluator, RandomGenerator random, double[] initialPoint) {
        this.evaluator = evaluator;
        this.random = random;
        this.position = initialPoint.clone();
    }

    /** The log density at {@code x}, counted, with NaN read as {@code -inf} (a point outside the support). */
    double logDensityAt(double[] x) {
        evaluations++;
        double lp = evaluator.logDensity(x);
        return lp == lp ? lp : Double.NEGATIVE_INFINITY;
    }

    /** The log density at the current position, evaluated only when an update has made it stale. */
    double logDensity() {
        if (!logDensityCurrent) {
            logDensity = logDensityAt(position);
            logDensityCurrent = true;
        }
        return logDensity;
    }

    /** Records the log density at the current position, known to the caller. */
    void setLogDensity(double value) {
        logDensity = value;
        logDensityCurrent = true;
    }

    /** Fills the evaluator's node values at the current position (counted as an evaluation). */
    void computeValues() {
        evaluations++;
        evaluator.computeValues(position);
    }

    /** Marks the log density stale after an update that moved the position without evaluating it. */
    void positionChanged() {
        logDensityCurrent = false;
    }

    long evaluations() {
        return evaluations;
    }

    boolean warmup() {
        return warmup;
    }

    void setWarmup(boolean warmup) {
        this.warmup = warmup;
    }
}
