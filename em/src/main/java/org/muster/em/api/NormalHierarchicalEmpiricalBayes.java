package org.muster.em.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.conjugate.ConjugateForms;

/**
 * Type-II maximum likelihood for y_j ~ N(theta_j, sigma_j²), theta_j ~ N(mu, tau²) with known sigma_j:
 * marginally y_j ~ N(mu, sigma_j² + tau²). For fixed tau the best mu is the precision-weighted mean,
 * so the likelihood is profiled over tau ≥ 0, searched on a grid (the profile need not be unimodal)
 * and refined by Brent's method. The marginal is the normal-normal closed form of {@link ConjugateForms}.
 * Arrays are not modified.
 */
public final class NormalHierarchicalEmpiricalBayes {

    static final String TYPE_TWO = "type-II maximum likelihood";
    private static final int GRID = 400;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private NormalHierarchicalEmpiricalBayes() {
    }

    /** log p(y | mu, tau) under y_j ~ N(mu, sigma_j² + tau²). */
    public static double logMarginalLikelihood(double[] estimates, double[] standardErrors, double mu, double tau) {
        requireData(estimates, standardErrors);
        double sum = 0;
        double[] precision = new double[1];
        double[] weighted = new double[1];
        double[] squares = new double[1];
        for (int j = 0; j < estimates.length; j++) {
            precision[0] = 0;
            weighted[0] = 0;
            squares[0] = 0;
            ConjugateForms.addObservation(Conjugacy.NORMAL_NORMAL, estimates[j], standardErrors[j], precision, weighted,
                    squares, 0);
            sum += ConjugateForms.normalNormalLogMarginal(-Math.log(standardErrors[j]) - HALF_LOG_TWO_PI, mu, tau,
                    precision[0], weighted[0], squares[0]);
        }
        return sum;
    }

    /** The mu that maximizes the marginal likelihood at {@code tau}: the mean weighted by 1/(sigma_j² + tau²). */
    public static double bestMu(double[] estimates, double[] standardErrors, double tau) {
        double weighted = 0;
        double weights = 0;
        for (int j = 0; j < estimates.length; j++) {
            double w = 1 / (standardErrors[j] * standardErrors[j] + tau * tau);
            weighted += w * estimates[j];
            weights += w;
        }
        return weighted / weights;
    }

    /**
     * Maximizes the marginal likelihood over (mu, tau). When the maximum is at tau = 0 (the estimates
     * vary no more than their standard errors explain, as in eight schools) the result says so: tau = 0
     * is the type-II estimate, and with it every unit's posterior collapses onto mu (complete pooling).
     */
    public static NormalHierarchicalEstimate typeTwoMaximumLikelihood(double[] estimates, double[] standardErrors) {
        requireData(estimates, standardErrors);
        if (estimates.length < 2) {
            throw new IllegalArgumentException("type-II maximum likelihood of tau needs at least two units");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double largestError = 0;
        for (int j = 0; j < estimates.length; j++) {
            min = Math.min(min, estimates[j]);
            max = Math.max(max, estimates[j]);
            largestError = Math.max(largestError, standardErrors[j]);
        }
        // Beyond the spread of the estimates the profile falls like -J log tau: no maximum lies past this.
        double upper = 2 * (max - min) + largestError;
        double[] grid = new double[GRID + 1];
        int bestIndex = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            grid[i] = upper * i / GRID;
            double value = profile(estimates, standardErrors, grid[i]);
            if (value > bestValue) {
                bestValue = value;
                bestIndex = i;
            }
        }
        double tau = grid[bestIndex];
        double lower = grid[Math.max(bestIndex - 1, 0)];
        double higher = grid[Math.min(bestIndex + 1, GRID)];
        UnivariatePointValuePair refined = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(10_000),
                new UnivariateObjectiveFunction(t -> profile(estimates, standardErrors, t)), GoalType.MAXIMIZE,
                new SearchInterval(lower, higher, tau));
        if (refined.getValue() > bestValue) {
            tau = refined.getPoint();
            bestValue = refined.getValue();
        }
        List<String> warnings = new ArrayList<>();
        // d/dtau of the profile is 0 at tau = 0 by symmetry; compare values to see whether 0 is the maximum. The
        // profile is flat there to O(tau^2), so a gain within rounding (1e-12 relative) does not count as a maximum.
        if (profile(estimates, standardErrors, 0) >= bestValue - 1e-12 * Math.abs(bestValue)) {
            tau = 0;
            bestValue = profile(estimates, standardErrors, 0);
        }
        double mu = bestMu(estimates, standardErrors, tau);
        if (tau == 0) {
            warnings.add(String.format(Locale.ROOT, "the marginal likelihood is largest at tau = 0: the estimates vary"
                    + " no more than their standard errors explain, so empirical Bayes pools the units completely"
                    + " (every unit's posterior is mu = %.4g with sd 0); full Bayes averages over tau instead", mu));
        }
        return new NormalHierarchicalEstimate(TYPE_TWO, mu, tau, bestValue, warnings);
    }

    private static double profile(double[] estimates, double[] standardErrors, double tau) {
        return logMarginalLikelihood(estimates, standardErrors, bestMu(estimates, standardErrors, tau), tau);
    }

    private static void requireData(double[] estimates, double[] standardErrors) {
        if (estimates.length != standardErrors.length) {
            throw new IllegalArgumentException(estimates.length + " estimates but " + standardErrors.length
                    + " standard errors");
        }
        if (estimates.length == 0) {
            throw new IllegalArgumentException("no units");
        }
        for (int j = 0; j < estimates.length; j++) {
            if (!Double.isFinite(estimates[j]) || !(standardErrors[j] > 0) || !Double.isFinite(standardErrors[j])) {
                throw new IllegalArgumentException("unit " + (j + 1) + ": estimate " + estimates[j] + ", standard error "
                        + standardErrors[j] + " (need finite values and a standard error > 0)");
            }
        }
    }
}
