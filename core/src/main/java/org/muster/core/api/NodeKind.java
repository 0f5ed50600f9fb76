package org.muster.core.api;

/** What a node of the model graph is. */
public enum NodeKind {
    /** A constant known before the fit: data, covariates, hyperparameters. */
    DATA,
    /** A stochastic node whose value is unknown: sampled, optimized or approximated. */
    PARAMETER,
    /** A stochastic node with an observed value: contributes the likelihood. */
    OBSERVED,
    /** A function of other nodes. */
    DETERMINISTIC
}
