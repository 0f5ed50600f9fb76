package org.muster.core.api;

/** Prior–likelihood pairs whose full conditional has a closed form. */
public enum Conjugacy {
    /** Beta prior on the success probability of a binomial or Bernoulli child. */
    BETA_BINOMIAL,
    /** Gamma prior on a Poisson rate, possibly multiplied by known exposures. */
    GAMMA_POISSON,
    /** Normal prior on the mean of a normal child whose scale does not depend on it. */
    NORMAL_NORMAL,
    /** Gamma prior on the precision τ of a normal child, sigma = τ^(-1/2). */
    GAMMA_NORMAL_PRECISION,
    /** Inverse-gamma prior on the variance v of a normal child, sigma = sqrt(v). */
    INVERSE_GAMMA_NORMAL_VARIANCE,
    /** Dirichlet prior on the probabilities of a categorical child. */
    DIRICHLET_CATEGORICAL
}
