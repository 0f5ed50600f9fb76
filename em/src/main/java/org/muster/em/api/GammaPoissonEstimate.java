package org.muster.em.api;

import java.util.List;

/**
 * Population hyperparameters of a gamma-Poisson model, lambda_j ~ Gamma(shape, rate), and the unit
 * posteriors they imply, Gamma(shape + k_j, rate + e_j).
 *
 * @param method how they were estimated
 * @param shape NaN when no estimate exists ({@code warnings} says why)
 * @param rate NaN when no estimate exists
 * @param shapeStandardError from the inverse Hessian of the log marginal likelihood, else NaN
 * @param rateStandardError likewise
 * @param logMarginalLikelihood log p(k | shape, rate) with the unit rates integrated out (negative binomial)
 * @param warnings plain sentences for the user, empty when nothing needs saying
 */
public record GammaPoissonEstimate(String method, double shape, double rate, double shapeStandardError,
        double rateStandardError, double logMarginalLikelihood,
        List<String> warnings) {

    public GammaPoissonEstimate {
        warnings = List.copyOf(warnings);
    }

    /** The posterior mean rate of a unit with {@code count} events over {@code exposure}: (shape + k) / (rate + e). */
    public double posteriorMean(int count, double exposure) {
        return (shape + count) / (rate + exposure);
    }
}
