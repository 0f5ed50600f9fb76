package org.muster.em.api;

import java.util.List;

/**
 * Population hyperparameters of y_j ~ N(theta_j, sigma_j²), theta_j ~ N(mu, tau²), and the unit
 * posteriors they imply: theta_j | y_j ~ N((y_j/sigma_j² + mu/tau²) / (1/sigma_j² + 1/tau²),
 * 1 / (1/sigma_j² + 1/tau²)), which is mu exactly when tau = 0.
 *
 * @param method how they were estimated
 * @param mu population mean
 * @param tau population standard deviation, possibly 0 ({@code warnings} then says so)
 * @param logMarginalLikelihood log p(y | mu, tau) with y_j ~ N(mu, sigma_j² + tau²)
 * @param warnings plain sentences for the user, empty when nothing needs saying
 */
public record NormalHierarchicalEstimate(String method, double mu, double tau, double logMarginalLikelihood,
        List<String> warnings) {

    public NormalHierarchicalEstimate {
        warnings = List.copyOf(warnings);
    }

    /** The posterior mean of a unit with estimate {@code y} and standard error {@code sigma}. */
    public double posteriorMean(double y, double sigma) {
        if (tau == 0) {
            return mu;
        }
        double unitPrecision = 1 / (sigma * sigma);
        double populationPrecision = 1 / (tau * tau);
        return (y * unitPrecision + mu * populationPrecision) / (unitPrecision + populationPrecision);
    }

    /** The posterior standard deviation of a unit with standard error {@code sigma}. */
    public double posteriorSd(double sigma) {
        if (tau == 0) {
            return 0;
        }
        return Math.sqrt(1 / (1 / (sigma * sigma) + 1 / (tau * tau)));
    }
}
