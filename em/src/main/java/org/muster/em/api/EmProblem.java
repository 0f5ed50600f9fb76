package org.muster.em.api;

/**
 * A problem for {@link ExpectationMaximization}: an E-step that computes the expected complete-data
 * sufficient statistics (and, in the same pass, the observed-data log likelihood), and an M-step that
 * maximizes the expected complete-data log likelihood given them.
 *
 * @param <P> the parameters, an immutable value
 * @param <S> the expected sufficient statistics
 */
public interface EmProblem<P, S> {

    /** The E-step at {@code parameters}. */
    Expectation<S> expectation(P parameters);

    /** The M-step: the parameters that maximize the expected complete-data log likelihood (or log posterior). */
    P maximization(S statistics);

    /**
     * The result of an E-step.
     *
     * @param statistics expected sufficient statistics for the M-step
     * @param logLikelihood the observed-data log likelihood (or log posterior, for MAP-EM) at the E-step's parameters
     */
    record Expectation<S>(S statistics, double logLikelihood) {
    }
}
