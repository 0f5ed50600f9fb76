package org.muster.em.api;

import java.util.Arrays;

/**
 * The EM algorithm (Dempster, Laird &amp; Rubin 1977): alternate E- and M-steps until the observed-data
 * log likelihood rises by less than a relative tolerance. Each step is checked: the log likelihood
 * must never decrease (beyond rounding), and a step that decreases it stops the run with a
 * {@link NonMonotoneStepException} naming the iteration. Immutable and thread-safe.
 */
public final class ExpectationMaximization {

    /** Decreases smaller than this, relative to the log likelihood, are rounding, not a broken step. */
    private static final double ROUNDING = 1e-12;

    private final int maxIterations;
    private final double relativeTolerance;

    /**
     * @param maxIterations at least 1
     * @param relativeTolerance stop when a step raises the log likelihood by less than this times max(1, |log L|)
     */
    public ExpectationMaximization(int maxIterations, double relativeTolerance) {
        if (maxIterations < 1 || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("EM needs maxIterations >= 1 and a non-negative tolerance");
        }
        this.maxIterations = maxIterations;
        this.relativeTolerance = relativeTolerance;
    }

    /**
     * Runs EM from {@code start}.
     *
     * @throws NonMonotoneStepException if a step decreases the log likelihood
     * @throws IllegalStateException if the log likelihood is not finite at some step
     */
    public <P, S> EmResult<P> run(EmProblem<P, S> problem, P start) {
        P parameters = start;
        EmProblem.Expectation<S> expectation = problem.expectation(parameters);
        double logLikelihood = requireFinite(expectation.logLikelihood(), 0);
        double[] trace = new double[Math.min(maxIterations, 1024) + 1];
        trace[0] = logLikelihood;
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
            iteration++;
            P next = problem.maximization(expectation.statistics());
            EmProblem.Expectation<S> nextExpectation = problem.expectation(next);
            double nextLogLikelihood = requireFinite(nextExpectation.logLikelihood(), iteration);
            double scale = Math.max(1, Math.abs(logLikelihood));
            if (nextLogLikelihood < logLikelihood - ROUNDING * scale) {
                throw new NonMonotoneStepException(iteration, logLikelihood, nextLogLikelihood);
            }
            if (iteration >= trace.length) {
                trace = Arrays.copyOf(trace, Math.min(2 * trace.length, maxIterations + 1));
            }
            trace[iteration] = nextLogLikelihood;
            double increase = nextLogLikelihood - logLikelihood;
            parameters = next;
            expectation = nextExpectation;
            logLikelihood = nextLogLikelihood;
            if (increase <= relativeTolerance * scale) {
                converged = true;
                break;
            }
        }
        return new EmResult<>(parameters, logLikelihood, iteration, converged, Arrays.copyOf(trace, iteration + 1));
    }

    private static double requireFinite(double logLikelihood, int iteration) {
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalStateException("the observed-data log likelihood is " + logLikelihood + " after EM iteration "
                    + iteration + (iteration == 0 ? " (at the starting values)" : ""));
        }
        return logLikelihood;
    }
}
