package org.muster.em.internal.optim;

/**
 * Where a minimization stopped.
 *
 * @param point the last accepted point
 * @param value the objective there
 * @param gradient the gradient there
 * @param iterations accepted steps taken
 * @param status why it stopped
 * @param trace the objective at the start and after each accepted step
 */
public record OptimizationResult(double[] point, double value, double[] gradient, int iterations, Status status,
        double[] trace) {

    /** Why the optimizer stopped. */
    public enum Status {
        /** The largest gradient component fell below the tolerance. */
        GRADIENT_TOLERANCE,
        /** The relative decrease of the objective over a step fell below the tolerance. */
        OBJECTIVE_TOLERANCE,
        /** The iteration limit was reached first. */
        MAX_ITERATIONS,
        /** No step along the search direction satisfied the Wolfe conditions. */
        LINE_SEARCH_FAILED;

        /** Whether the stop means a stationary point was found. */
        public boolean converged() {
            return this == GRADIENT_TOLERANCE || this == OBJECTIVE_TOLERANCE;
        }
    }

    public OptimizationResult {
        point = point.clone();
        gradient = gradient.clone();
        trace = trace.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    @Override
    public double[] trace() {
        return trace.clone();
    }
}
