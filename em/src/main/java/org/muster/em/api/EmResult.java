package org.muster.em.api;

/**
 * Where an EM run stopped.
 *
 * @param parameters the last parameters
 * @param logLikelihood the observed-data log likelihood there
 * @param iterations EM steps taken
 * @param converged whether the relative increase fell below the tolerance (else the iteration limit stopped it)
 * @param trace the log likelihood at the start and after each step, never decreasing
 */
public record EmResult<P>(P parameters, double logLikelihood, int iterations, boolean converged, double[] trace) {

    public EmResult {
        trace = trace.clone();
    }

    @Override
    public double[] trace() {
        return trace.clone();
    }
}
