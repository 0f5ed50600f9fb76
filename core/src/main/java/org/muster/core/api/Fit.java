package org.muster.core.api;

/**
 * The result of an inference method, one of three kinds: Markov chain draws ({@link PosteriorDraws}),
 * a variational approximation with draws from it ({@link VariationalFit}), or a point estimate with
 * standard errors ({@link PointEstimate}). Sealed, so whoever reads a fit (the app's pipeline, a
 * writer) handles every kind with an exhaustive {@code switch} and no method can return a kind that
 * nobody can print.
 */
public sealed interface Fit permits PosteriorDraws, VariationalFit, PointEstimate {

    /** Identifier of the method that produced it, e.g. {@code "mh"}. */
    String methodId();
}
