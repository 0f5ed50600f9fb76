/**
 * Conjugate unit layers found in a model graph and their closed forms, written once: {@link
 * org.muster.core.api.conjugate.ConjugateForms} (natural-form updates and exact draws, marginal
 * likelihoods, their gradients, posterior moments), {@link org.muster.core.api.conjugate.UnitLayer}
 * (a scalar layer: beta-binomial, gamma-Poisson, normal-normal, direct or non-centered) and {@link
 * org.muster.core.api.conjugate.NodeReader} (a node's members read through gathers). Gibbs's conjugate
 * draws, empirical Bayes and collapsed inference use them.
 */
package org.muster.core.api.conjugate;
