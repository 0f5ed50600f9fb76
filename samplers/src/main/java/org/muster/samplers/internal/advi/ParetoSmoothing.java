package org.muster.samplers.internal.advi;

import java.util.Arrays;

/**
 * Pareto-smoothed importance sampling (Vehtari, Simpson, Gelman, Yao &amp; Gabry, "Pareto smoothed
 * importance sampling", 2015–2024): the largest importance ratios are replaced by expected order
 * statistics of a generalized Pareto distribution fitted to them (Zhang &amp; Stephens 2009, with the
 * weakly informative prior toward k = 0.5 of the paper), and the fitted shape k-hat says how far the
 * importance-sampling estimates can be trusted.
 */
final class ParetoSmoothing {

    /** Smallest tail the generalized Pareto is fitted to; below it k-hat is not estimated. */
    static final int MINIMUM_TAIL = 5;
    /** Grid points of the Zhang–Stephens estimate beyond sqrt(n). */
    private static final int MINIMUM_GRID_POINTS = 30;

    /**
     * The smoothed, normalized log weights and k-hat.
     *
     * @param logWeights normalized: log-sum-exp is 0
     * @param paretoK the fitted shape of the tail of the ratios; NaN when the tail is too short or undefined
     */
    record Result(double[] logWeights, double paretoK) {
    }

    private ParetoSmoothing() {
    }

    /** The tail length M = ceil(min(S / 5, 3 sqrt(S))) for S draws. */
    static int tailLength(int draws) {
        return (int) Math.ceil(Math.min(0.2 * draws, 3 * Math.sqrt(draws)));
    }

    /**
     * Smooths log importance ratios.
     *
     * @param logRatios not modified: log p(theta_s) − log q(theta_s) on draws from q; −infinity is a zero
     *     weight, NaN is not allowed
     */
    static Result smooth(double[] logRatios) {
        int n = logRatios.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double r : logRatios) {
            if (Double.isNaN(r)) {
                throw new IllegalArgumentException("a log importance ratio is NaN");
            }
            max = Math.max(max, r);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("every importance ratio is zero");
        }
        double[] lw = new double[n];
        for (int i = 0; i < n; i++) {
            lw[i] = logRatios[i] - max;
        }
        int tail = tailLength(n);
        double k = Double.NaN;
        if (tail >= MINIMUM_TAIL && n > tail) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(lw[a], lw[b]));
            double cutoff = lw[order[n - tail - 1]];
            if (cutoff > Double.NEGATIVE_INFINITY && lw[order[n - 1]] > cutoff) {
                double expCutoff = Math.exp(cutoff);
                double[] exceedances = new double[tail];
                for (int j = 0; j < tail; j++) {
                    exceedances[j] = Math.exp(lw[order[n - tail + j]]) - expCutoff;
                }
                double[] fit = fitGeneralizedPareto(exceedances);
                k = fit[0];
                double sigma = fit[1];
                if (Double.isFinite(k)) {
                    // Expected order statistics of the fitted tail replace the raw largest ratios, capped at the
                    // largest raw ratio (log weight 0) so smoothing never adds weight beyond what was seen.
                    for (int j = 0; j < tail; j++) {
                        double p = (j + 0.5) / tail;
                        double quantile = generalizedParetoQuantile(p, k, sigma) + expCutoff;
                        lw[order[n - tail + j]] = Math.min(0.0, Math.log(quantile));
                    }
                }
            } else if (cutoff > Double.NEGATIVE_INFINITY) {
                // Every ratio in the tail equals the cutoff: a flat tail, nothing heavy about it.
                k = Double.NEGATIVE_INFINITY;
            }
        }
        double logSum = logSumExp(lw);
        for (int i = 0; i < n; i++) {
            lw[i] -= logSum;
        }
        return new Result(lw, k);
    }

    /**
     * The Zhang &amp; Stephens (2009) estimate of the generalized Pareto's shape k and scale sigma, with the
     * shape pulled toward 0.5 by a prior worth 10 observations, as the PSIS paper does.
     *
     * @param exceedances not modified: positive values over the threshold
     * @return {k, sigma}
     */
    static double[] fitGeneralizedPareto(double[] exceedances) {
        double[] x = exceedances.clone();
        Arrays.sort(x);
        int n = x.length;
        int m = MINIMUM_GRID_POINTS + (int) Math.floor(Math.sqrt(n));
        double firstQuartile = x[(int) Math.floor(n / 4.0 + 0.5) - 1];
        double[] theta = new double[m];
        double[] profile = new double[m];
        for (int j = 0; j < m; j++) {
            theta[j] = 1 / x[n - 1] + (1 - Math.sqrt(m / (j + 0.5))) / (3 * firstQuartile);
            double kj = 0;
            for (double v : x) {
                kj += Math.log1p(-theta[j] * v);
            }
            // Zhang & Stephens's profile log-likelihood in b = theta, with their k(b) = -mean(log(1 - b x)).
            kj = -kj / n;
            profile[j] = n * (Math.log(theta[j] / kj) + kj - 1);
        }
        double norm = logSumExp(profile);
        double thetaHat = 0;
        for (int j = 0; j < m; j++) {
            double w = Math.exp(profile[j] - norm);
            if (Double.isFinite(w)) {
                thetaHat += theta[j] * w;
            }
        }
        double k = 0;
        for (double v : x) {
            k += Math.log1p(-thetaHat * v);
        }
        k /= n;
        double sigma = -k / thetaHat;
        k = (k * n + 10 * 0.5) / (n + 10);
        if (Double.isNaN(k)) {
            k = Double.POSITIVE_INFINITY;
        }
        return new double[] {k, sigma};
    }

    /** The p-quantile of the generalized Pareto with shape k and scale sigma (location 0). */
    static double generalizedParetoQuantile(double p, double k, double sigma) {
        return k == 0 ? -sigma * Math.log1p(-p) : sigma * Math.expm1(-k * Math.log1p(-p)) / k;
    }

    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += Math.exp(v - max);
            }
        }
        return max + Math.log(sum);
    }
}
