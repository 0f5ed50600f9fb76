/**
 * Point-estimate rungs of the "levels of Bayes" on plain arrays, for applications: empirical Bayes
 * (type-II maximum likelihood and, for the beta-binomial, the method of moments) for the
 * beta-binomial ({@link org.muster.em.api.BetaBinomialEmpiricalBayes}), gamma-Poisson
 * ({@link org.muster.em.api.GammaPoissonEmpiricalBayes}) and normal-hierarchical
 * ({@link org.muster.em.api.NormalHierarchicalEmpiricalBayes}) models, each giving the unit posteriors
 * its hyperparameters imply; and a generic EM engine ({@link org.muster.em.api.ExpectationMaximization})
 * that checks every step raises the observed-data log likelihood (or log posterior), with problems built
 * on it: one-dimensional and full-covariance multivariate normal mixtures
 * ({@link org.muster.em.api.GaussianMixture}, {@link org.muster.em.api.MultivariateGaussianMixture}),
 * either maximum likelihood or MAP-EM under a {@link org.muster.em.api.MixturePrior}, and the mean and
 * covariance of a multivariate normal with missing values ({@link org.muster.em.api.MissingDataNormal}).
 *
 * <pre>{@code
 * BetaBinomialEstimate eb = BetaBinomialEmpiricalBayes.methodOfMoments(tumors, rats);
 * double rate = eb.posteriorMean(4, 14);   // the 71st rats experiment: 0.223
 * }</pre>
 *
 * <p>The posterior mode of any compiled model is the inference method {@code map}, and EM for a
 * normal-mixture model the method {@code em}, both found through
 * {@link org.muster.core.spi.InferenceMethodProvider}; they return a {@link org.muster.core.api.PointEstimate}.
 */
package org.muster.em.api;
