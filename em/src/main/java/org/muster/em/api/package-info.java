/**
 * Point-estimate rungs of the "levels of Bayes" on plain arrays, for applications: empirical Bayes
 * (type-II maximum likelihood and, for the beta-binomial, the method of moments) for the
 * beta-binomial ({@link org.muster.em.api.BetaBinomialEmpiricalBayes}), gamma-Poisson
 * ({@link org.muster.em.api.GammaPoissonEmpiricalBayes}) and normal-hierarchical
 * ({@link org.muster.em.api.NormalHierarchicalEmpiricalBayes}) models, each giving the unit posteriors
 * its hyperparameters imply; and a generic EM engine ({@link org.muster.em.api.ExpectationMaximization})
 * that checks every step raises the observed-data log likelihood, with one-dimensional normal mixtures
 * ({@link org.muster.em.api.GaussianMixture}) built on it.
 *
 * <pre>{@code
 * BetaBinomialEstimate eb = BetaBinomialEmpiricalBayes.methodOfMoments(tumors, rats);
 * double rate = eb.posteriorMean(4, 14);   // the 71st rats experiment: 0.223
 * }</pre>
 *
 * <p>The posterior mode of any compiled model is the inference method {@code map}, found through
 * {@link org.muster.core.spi.InferenceMethodProvider}; it returns a {@link org.muster.core.api.PointEstimate}.
 */
package org.muster.em.api;
