package org.muster.samplers.internal.hmc;

/**
 * Nesterov dual averaging of the log step size toward a target acceptance statistic (Hoffman &
 * Gelman 2014, §3.2), with Stan's constants: γ = 0.05, t₀ = 10, κ = 0.75 and μ = log(10 ε₀).
 */
final class StepSizeAdaptation {

    static final double GAMMA = 0.05;
    static final double T0 = 10;
    static final double KAPPA = 0.75;

    private final double targetAcceptance;
    private double mu;
    private int counter;
    private double meanError;
    private double averageLogStepSize;

    StepSizeAdaptation(double targetAcceptance) {
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("adapt_delta must be in (0, 1), got " + targetAcceptance);
        }
        this.targetAcceptance = targetAcceptance;
    }

    double targetAcceptance() {
        return targetAcceptance;
    }

    /** Starts a new averaging run shrinking toward {@code log(10 · stepSize)}. */
    void restart(double stepSize) {
        mu = Math.log(10 * stepSize);
        counter = 0;
        meanError = 0;
        averageLogStepSize = 0;
    }

    /**
     * One update from the last transition's acceptance statistic.
     *
     * @return the step size to use next
     */
    double learn(double acceptStatistic) {
        counter++;
        double statistic = Math.min(1, acceptStatistic);
        if (Double.isNaN(statistic)) {
            statistic = 0;
        }
        double eta = 1 / (counter + T0);
        meanError = (1 - eta) * meanError + eta * (targetAcceptance - statistic);
        double logStepSize = mu - meanError * Math.sqrt(counter) / GAMMA;
        double weight = Math.pow(counter, -KAPPA);
        averageLogStepSize = (1 - weight) * averageLogStepSize + weight * logStepSize;
        return Math.exp(logStepSize);
    }

    /** Whether any update happened since the last restart. */
    boolean learned() {
        return counter > 0;
    }

    /** The final step size: the exponential of the averaged log step size. */
    double averagedStepSize() {
        return Math.exp(averageLogStepSize);
    }
}
