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

    /**
     * Applies the function for this fit's kind. Java 17 has no pattern {@code switch}; this is how a
     * caller handles every kind with the compiler's help: a new kind adds a parameter, and every caller
     * must say what it does with it.
     */
    default <R> R match(java.util.function.Function<PosteriorDraws, R> draws,
            java.util.function.Function<VariationalFit, R> variational,
            java.util.function.Function<PointEstimate, R> pointEstimate) {
        if (this instanceof PosteriorDraws d) {
            return draws.apply(d);
        }
        if (this instanceof VariationalFit v) {
            return variational.apply(v);
        }
        return pointEstimate.apply((PointEstimate) this);
    }
}
