package org.muster.em.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.special.Gamma;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.conjugate.ConjugateForms;
import org.muster.em.internal.optim.DifferentiableObjective;
import org.muster.em.internal.optim.Lbfgs;
import org.muster.em.internal.optim.LogScaleStandardErrors;
import org.muster.em.internal.optim.OptimizationResult;

/**
 * Empirical Bayes for y_j ~ Binomial(n_j, theta_j), theta_j ~ Beta(alpha, beta) (Gelman et al., BDA3
 * §5.1 and §5.3): the method of moments on the raw rates, and type-II maximum likelihood, which
 * maximizes the beta-binomial marginal likelihood
 * p(y | alpha, beta) = Π C(n_j, y_j) B(alpha + y_j, beta + n_j - y_j) / B(alpha, beta), by the closed
 * forms of {@link ConjugateForms}. Arrays are not modified.
 */
public final class BetaBinomialEmpiricalBayes {

    static final String MOMENTS = "method of moments";
    static final String TYPE_TWO = "type-II maximum likelihood";
    /** log(alpha + beta) beyond this means the rates show no spread beyond binomial noise. */
    private static final double SATURATED_LOG = 15;

    private BetaBinomialEmpiricalBayes() {
    }

    /** log p(y | alpha, beta) with the unit rates integrated out (binomial coefficients included). */
    public static double logMarginalLikelihood(int[] successes, int[] trials, double alpha, double beta) {
        requireData(successes, trials);
        double sum = 0;
        for (int j = 0; j < successes.length; j++) {
            int y = successes[j];
            int n = trials[j];
            sum += ConjugateForms.betaBinomialLogMarginal(logBinomialCoefficient(n, y), alpha, beta, alpha + y,
                    beta + n - y);
        }
        return sum;
    }

    /**
     * Matches Beta(alpha, beta)'s mean and variance to the sample mean m and sample variance s² (divisor
     * J - 1) of the raw rates y_j / n_j: alpha + beta = m(1 - m)/s² - 1. It ignores that the raw rates
     * also carry binomial noise, as the lectures do.
     *
     * @throws IllegalArgumentException if the rates do not vary, or vary more than a beta allows (s² ≥ m(1 - m))
     */
    public static BetaBinomialEstimate methodOfMoments(int[] successes, int[] trials) {
        requireData(successes, trials);
        int units = successes.length;
        if (units < 2) {
            throw new IllegalArgumentException("the method of moments needs at least two units, got " + units);
        }
        double mean = 0;
        for (int j = 0; j < units; j++) {
            mean += (double) successes[j] / trials[j];
        }
        mean /= units;
        double variance = 0;
        for (int j = 0; j < units; j++) {
            double d = (double) successes[j] / trials[j] - mean;
            variance += d * d;
        }
        variance /= units - 1;
        if (!(variance > 1e-12 * mean * (1 - mean)) || variance >= mean * (1 - mean)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the raw rates have mean %.4g and variance %.4g;"
                    + " a beta distribution needs 0 < variance < mean (1 - mean)", mean, variance));
        }
        double concentration = mean * (1 - mean) / variance - 1;
        double alpha = mean * concentration;
        double beta = (1 - mean) * concentration;
        return new BetaBinomialEstimate(MOMENTS, alpha, beta, Double.NaN, Double.NaN, logMarginalLikelihood(successes, trials, alpha, beta),
                List.of());
    }

    /**
     * Maximizes the marginal likelihood over (log alpha, log beta) by L-BFGS with its exact gradient,
     * starting from the method of moments where that exists. Standard errors come from the inverse Hessian
     * of the log marginal likelihood (central differences of its exact gradient) by the delta method.
     *
     * <p>When the rates show no spread beyond binomial noise the maximum is at alpha + beta → ∞ (complete
     * pooling); the result then has NaN hyperparameters and a warning saying so.
     */
    public static BetaBinomialEstimate typeTwoMaximumLikelihood(int[] successes, int[] trials) {
        requireData(successes, trials);
        double[] start = {0, 0};
        try {
            BetaBinomialEstimate moments = methodOfMoments(successes, trials);
            start = new double[] {Math.log(moments.alpha()), Math.log(moments.beta())};
        } catch (IllegalArgumentException e) {
            // No usable moments (e.g. no spread at all): start from the uniform Beta(1, 1).
        }
        DifferentiableObjective negativeLogMarginal = new DifferentiableObjective() {
            private final double[] unitAlpha = new double[1];
            private final double[] unitBeta = new double[1];

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueGradient(double[] x, double[] gradient) {
                double alpha = Math.exp(x[0]);
                double beta = Math.exp(x[1]);
                double dAlpha = 0;
                double dBeta = 0;
                for (int j = 0; j < successes.length; j++) {
                    ConjugateForms.logMarginalGradient(Conjugacy.BETA_BINOMIAL, alpha, beta, successes[j],
                            trials[j] - successes[j], unitAlpha, unitBeta, 0);
                    dAlpha += unitAlpha[0];
                    dBeta += unitBeta[0];
                }
                // Chain rule to the log scale: d/d log a = a d/da.
                gradient[0] = -alpha * dAlpha;
                gradient[1] = -beta * dBeta;
                return -logMarginalLikelihood(successes, trials, alpha, beta);
            }
        };
        OptimizationResult result = Lbfgs.defaults().minimize(negativeLogMarginal, start);
        double[] x = result.point();
        List<String> warnings = new ArrayList<>();
        if (Math.max(Math.abs(x[0]), Math.abs(x[1])) > SATURATED_LOG
                || Math.log(Math.exp(x[0]) + Math.exp(x[1])) > SATURATED_LOG) {
            warnings.add("the marginal likelihood keeps rising as alpha + beta grows (or alpha or beta vanishes): the rates"
                    + " show no spread beyond binomial noise, so the type-II maximum is complete pooling and no"
                    + " finite (alpha, beta) is reported");
            return new BetaBinomialEstimate(TYPE_TWO, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -result.value(),
                    warnings);
        }
        if (!result.status().converged()) {
            warnings.add("the optimizer stopped before convergence (" + result.status() + ")");
        }
        double[] se = LogScaleStandardErrors.standardErrors(negativeLogMarginal, x);
        return new BetaBinomialEstimate(TYPE_TWO, Math.exp(x[0]), Math.exp(x[1]), se[0], se[1], -result.value(), warnings);
    }

    static double logBinomialCoefficient(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    static void requireData(int[] successes, int[] trials) {
        if (successes.length != trials.length) {
            throw new IllegalArgumentException(successes.length + " successes but " + trials.length + " trials");
        }
        if (successes.length == 0) {
            throw new IllegalArgumentException("no units");
        }
        for (int j = 0; j < successes.length; j++) {
            if (trials[j] < 1 || successes[j] < 0 || successes[j] > trials[j]) {
                throw new IllegalArgumentException("unit " + (j + 1) + ": " + successes[j] + " successes in " + trials[j]
                        + " trials (need 0 <= y <= n, n >= 1)");
            }
        }
    }
}
