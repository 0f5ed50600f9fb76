package org.muster.em.api;

import java.util.List;

/**
 * Population hyperparameters of a beta-binomial model, theta_j ~ Beta(alpha, beta), and the unit
 * posteriors they imply, Beta(alpha + y_j, beta + n_j - y_j).
 *
 * @param method how they were estimated, {@code "method of moments"} or {@code "type-II maximum likelihood"}
 * @param alpha NaN when no estimate exists ({@code warnings} says why)
 * @param beta NaN when no estimate exists
 * @param alphaStandardError from the inverse Hessian of the log marginal likelihood (type-II only, else NaN)
 * @param betaStandardError likewise
 * @param logMarginalLikelihood log p(y | alpha, beta) with the unit rates integrated out, binomial coefficients included
 * @param warnings plain sentences for the user, empty when nothing needs saying
 */
public record BetaBinomialEstimate(String method, double alpha, double beta, double alphaStandardError,
        double betaStandardError, double logMarginalLikelihood,
        List<String> warnings) {

    public BetaBinomialEstimate {
        warnings = List.copyOf(warnings);
    }

    /** The posterior mean of a unit with {@code successes} in {@code trials}: (alpha + y) / (alpha + beta + n). */
    public double posteriorMean(int successes, int trials) {
        return (alpha + successes) / (alpha + beta + trials);
    }

    /**
     * The posterior means of all units.
     *
     * @param successes not modified
     * @param trials not modified, same length
     */
    public double[] posteriorMeans(int[] successes, int[] trials) {
        BetaBinomialEmpiricalBayes.requireData(successes, trials);
        double[] means = new double[successes.length];
        for (int j = 0; j < means.length; j++) {
            means[j] = posteriorMean(successes[j], trials[j]);
        }
        return means;
    }
}
