package org.muster.em.api;

import java.util.List;

/**
 * EM fits of a multivariate normal mixture from several starts.
 *
 * @param best the run with the highest objective (log likelihood, or log posterior under a prior)
 * @param runs every run that finished, in start order (runs abandoned because a component collapsed are
 *     left out)
 * @param reachedBest how many runs ended within a relative 1e-6 of the best objective; the others
 *     stopped at worse local maxima (EM climbs to the nearest one only)
 * @param collapsed how many runs were abandoned because a component's covariance became singular
 * @param logLikelihood the observed-data log likelihood at the best run's parameters (without the prior)
 * @param responsibilities p(component k | x_i) at the best parameters, n×K row-major (entry i K + k)
 */
public record MultivariateMixtureFit(EmResult<MultivariateNormalMixtureParameters> best,
        List<EmResult<MultivariateNormalMixtureParameters>> runs, int reachedBest, int collapsed, double logLikelihood,
        double[] responsibilities) {

    public MultivariateMixtureFit {
        runs = List.copyOf(runs);
        responsibilities = responsibilities.clone();
    }

    /** Runs that ended at a worse local maximum than the best. */
    public int worseLocalMaxima() {
        return runs.size() - reachedBest;
    }

    @Override
    public double[] responsibilities() {
        return responsibilities.clone();
    }
}
