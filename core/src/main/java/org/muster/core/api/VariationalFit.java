package org.muster.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fit made of a Gaussian approximation of the posterior on the unconstrained space, found by
 * maximizing the evidence lower bound (ADVI, Kucukelbir, Tran, Ranganath, Gelman &amp; Blei 2017), with
 * the checks that say whether it can be trusted (Pareto-smoothed importance sampling, Yao, Vehtari,
 * Simpson &amp; Gelman 2018). The draws are one "chain" of independent draws from the approximation,
 * pushed through the constraints: every summary works on them, but R-hat and the sampler checks of a
 * single chain of independent draws say nothing about the optimization (R-hat near 1, ESS near the
 * number of draws, whether or not the approximation is good). Immutable: arrays are copied in and out.
 *
 * @param methodId {@code "advi"} (mean-field) or {@code "advi-fullrank"}
 * @param fullRank whether the Gaussian has a full covariance (else a diagonal one)
 * @param unconstrainedNames names of the unconstrained coordinates, as {@link CompiledModel#unconstrainedNames()}
 * @param mean the Gaussian's mean on the unconstrained scale
 * @param logStandardDeviations mean-field: the log standard deviations (Stan's omega); full-rank: empty
 * @param cholesky full-rank: the lower-triangular Cholesky factor of the covariance, row by row; mean-field: empty
 * @param elboTrace the ELBO at each evaluation, first to last
 * @param converged whether a relative-change rule stopped the optimization
 * @param stopReason why it stopped, in words ({@code "mean ELBO converged"}, {@code "median ELBO converged"},
 *     {@code "maximum iterations reached"}, {@code "cancelled"})
 * @param iterations optimization iterations done after step-size adaptation
 * @param stepSize the step size (eta) used, adapted or given
 * @param gradientEvaluations evaluations of the log-density gradient, step-size search included
 * @param densityEvaluations evaluations of the log density alone (ELBO estimates, draws)
 * @param seconds wall time of the whole fit
 * @param paretoK the Pareto k-hat of the importance ratios posterior / approximation on the draws
 * @param psisMeans the Pareto-smoothed importance-sampling means of the outputs, by name as in {@code draws}
 * @param warnings plain sentences for the user, empty when nothing needs saying
 * @param settings the method's settings as CmdStan names them, in a stable order
 * @param draws draws from the approximation, one chain, named as {@link CompiledModel#outputNames()}
 */
public record VariationalFit(String methodId, boolean fullRank, List<String> unconstrainedNames, double[] mean,
        double[] logStandardDeviations, double[][] cholesky, List<ElboPoint> elboTrace, boolean converged,
        String stopReason, int iterations, double stepSize, long gradientEvaluations, long densityEvaluations,
        double seconds, double paretoK, Map<String, Double> psisMeans, List<String> warnings,
        Map<String, String> settings, PosteriorDraws draws) implements Fit {

    /** k-hat below this: the approximation is good (importance sampling converges quickly). */
    public static final double PARETO_K_GOOD = 0.5;
    /** k-hat up to this: usable, but importance sampling converges slowly. */
    public static final double PARETO_K_USABLE = 0.7;

    /**
     * One evaluation of the ELBO during the optimization.
     *
     * @param iteration 1-based iteration at which it was estimated
     * @param elbo the Monte Carlo estimate of the ELBO
     * @param relativeChangeMean mean of the recent relative changes |(previous − current) / current|
     * @param relativeChangeMedian their median
     */
    public record ElboPoint(int iteration, double elbo, double relativeChangeMean, double relativeChangeMedian) {
    }

    public VariationalFit {
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(draws, "draws");
        unconstrainedNames = List.copyOf(unconstrainedNames);
        mean = mean.clone();
        logStandardDeviations = logStandardDeviations.clone();
        cholesky = copy(cholesky);
        if (mean.length != unconstrainedNames.size()) {
            throw new IllegalArgumentException("mean has " + mean.length + " values for " + unconstrainedNames.size()
                    + " coordinates");
        }
        if (fullRank ? cholesky.length != mean.length || logStandardDeviations.length != 0
                : logStandardDeviations.length != mean.length || cholesky.length != 0) {
            throw new IllegalArgumentException((fullRank ? "a full-rank" : "a mean-field")
                    + " approximation needs " + (fullRank ? "a Cholesky factor and no log-sd" : "log-sd and no Cholesky factor"));
        }
        elboTrace = List.copyOf(elboTrace);
        psisMeans = Collections.unmodifiableMap(new LinkedHashMap<>(psisMeans));
        warnings = List.copyOf(warnings);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** What a k-hat says: {@code "good"} below 0.5, {@code "usable"} up to 0.7, else {@code "do not trust"}. */
    public static String paretoKReading(double k) {
        if (Double.isNaN(k) || k > PARETO_K_USABLE) {
            return "do not trust";
        }
        return k < PARETO_K_GOOD ? "good" : "usable";
    }

    /** What a user should do with a fit whose k-hat reads so, in one sentence. */
    public static String paretoKAdvice(String reading) {
        return switch (reading) {
            case "good" -> "the approximation can be used, and importance sampling corrects it";
            case "usable" -> "usable, but importance sampling converges slowly; check against nuts";
            default -> "do not trust the approximation for this model; use nuts";
        };
    }

    /** This fit's k-hat read as {@link #paretoKReading(double)}. */
    public String paretoKReading() {
        return paretoKReading(paretoK);
    }

    /** Whether the Pareto k-hat says the approximation should not be trusted (k-hat above 0.7 or undefined). */
    public boolean flagged() {
        return paretoKReading().equals("do not trust");
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] logStandardDeviations() {
        return logStandardDeviations.clone();
    }

    @Override
    public double[][] cholesky() {
        return copy(cholesky);
    }

    /** The approximation's standard deviations on the unconstrained scale. */
    public double[] standardDeviations() {
        double[] sd = new double[mean.length];
        for (int i = 0; i < sd.length; i++) {
            if (fullRank) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s += cholesky[i][j] * cholesky[i][j];
                }
                sd[i] = Math.sqrt(s);
            } else {
                sd[i] = Math.exp(logStandardDeviations[i]);
            }
        }
        return sd;
    }

    /** The approximation's covariance on the unconstrained scale (diagonal for mean-field). */
    public double[][] covariance() {
        int d = mean.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                if (fullRank) {
                    for (int k = 0; k <= j; k++) {
                        s += cholesky[i][k] * cholesky[j][k];
                    }
                } else if (i == j) {
                    s = Math.exp(2 * logStandardDeviations[i]);
                }
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        return c;
    }

    /** The approximation's correlation matrix on the unconstrained scale (the identity for mean-field). */
    public double[][] correlation() {
        double[][] c = covariance();
        double[] sd = standardDeviations();
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                c[i][j] = i == j ? 1.0 : c[i][j] / (sd[i] * sd[j]);
            }
        }
        return c;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
