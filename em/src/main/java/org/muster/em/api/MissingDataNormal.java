package org.muster.em.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.em.internal.linalg.Cholesky;

/**
 * Maximum-likelihood mean and covariance of a p-variate normal from rows with missing coordinates
 * (NaN), by EM (Dempster, Laird &amp; Rubin 1977, §4.1.3; Little &amp; Rubin, <i>Statistical Analysis
 * with Missing Data</i>, 3rd ed., §11.2). Missing values are taken to be missing at random. The E-step
 * replaces each row's missing coordinates x_M by their conditional mean given the observed ones,
 * μ_M + Σ_MO Σ_OO⁻¹ (x_O - μ_O), and adds their conditional covariance Σ_MM - Σ_MO Σ_OO⁻¹ Σ_OM to the
 * cross-products; the M-step is the complete-data maximum-likelihood estimate. The regression of x_M
 * on x_O is formed once per missingness pattern and iteration through a Cholesky factor of Σ_OO, never
 * an inverse. The objective is the observed-data log likelihood Σ_i log N(x_{i,O} | μ_O, Σ_OO).
 * Immutable; the data are never modified.
 */
public final class MissingDataNormal {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final ExpectationMaximization engine;

    public MissingDataNormal(ExpectationMaximization engine) {
        this.engine = engine;
    }

    /**
     * Runs EM from the available-case means and variances (zero covariances).
     *
     * @param data not modified: n rows of p values, NaN where a value is missing
     * @throws IllegalArgumentException naming the row whose values are all missing, a ragged row, an
     *     infinite value, or the column (or pair of columns) with too few observed values to estimate
     *     its variance (covariance)
     */
    public EmResult<MultivariateNormalParameters> fit(double[][] data) {
        Problem problem = new Problem(data);
        return engine.run(problem, problem.start());
    }

    /**
     * Runs EM from {@code start}.
     *
     * @param data not modified: n rows of p values, NaN where a value is missing
     */
    public EmResult<MultivariateNormalParameters> fit(double[][] data, MultivariateNormalParameters start) {
        Problem problem = new Problem(data);
        if (start.dimension() != problem.p) {
            throw new IllegalArgumentException("the start has dimension " + start.dimension() + " but the rows " + problem.p);
        }
        return engine.run(problem, start);
    }

    /**
     * The observed-data log likelihood Σ_i log N(x_{i,O} | μ_O, Σ_OO) at {@code parameters}.
     *
     * @param data not modified: NaN where a value is missing
     */
    public static double observedLogLikelihood(double[][] data, MultivariateNormalParameters parameters) {
        Problem problem = new Problem(data);
        return problem.expectation(parameters).logLikelihood();
    }

    /** Rows grouped by which coordinates are observed. */
    private record Pattern(int[] observed, int[] missing, int[] rows) {
    }

    /** Statistics: [Σ x̂ - c (p), Σ (x̂ - c)(x̂ - c)ᵀ + C (p×p)] around the available-case means c. */
    private static final class Problem implements EmProblem<MultivariateNormalParameters, double[]> {
        private final double[][] data;
        private final int n;
        private final int p;
        private final double[] center;
        private final double[] variances;
        private final List<Pattern> patterns;

        Problem(double[][] data) {
            if (data.length == 0 || data[0].length == 0) {
                throw new IllegalArgumentException("no data: need at least one row of at least one value");
            }
            this.data = data;
            this.n = data.length;
            this.p = data[0].length;
            Map<String, List<Integer>> byPattern = new LinkedHashMap<>();
            int[] observedCounts = new int[p];
            int[][] jointCounts = new int[p][p];
            for (int i = 0; i < n; i++) {
                double[] row = data[i];
                if (row.length != p) {
                    throw new IllegalArgumentException("row " + (i + 1) + " has " + row.length + " values, expected " + p);
                }
                char[] key = new char[p];
                int seen = 0;
                for (int j = 0; j < p; j++) {
                    if (Double.isInfinite(row[j])) {
                        throw new IllegalArgumentException("row " + (i + 1) + ", column " + (j + 1) + " is " + row[j]
                                + "; expected a finite number or NaN for a missing value");
                    }
                    boolean observed = !Double.isNaN(row[j]);
                    key[j] = observed ? 'o' : 'm';
                    if (observed) {
                        seen++;
                        observedCounts[j]++;
                        for (int l = 0; l < j; l++) {
                            if (!Double.isNaN(row[l])) {
                                jointCounts[j][l]++;
                            }
                        }
                    }
                }
                if (seen == 0) {
                    throw new IllegalArgumentException("row " + (i + 1) + " has every value missing; it carries no"
                            + " information about the mean or covariance, so drop it");
                }
                byPattern.computeIfAbsent(new String(key), k -> new ArrayList<>()).add(i);
            }
            for (int j = 0; j < p; j++) {
                if (observedCounts[j] < 2) {
                    throw new IllegalArgumentException("column " + (j + 1) + " has " + observedCounts[j]
                            + " observed value" + (observedCounts[j] == 1 ? "" : "s") + "; its variance needs at least 2");
                }
                for (int l = 0; l < j; l++) {
                    if (jointCounts[j][l] < 2) {
                        throw new IllegalArgumentException("columns " + (l + 1) + " and " + (j + 1) + " are observed together"
                                + " in " + jointCounts[j][l] + " row" + (jointCounts[j][l] == 1 ? "" : "s")
                                + "; their covariance needs at least 2");
                    }
                }
            }
            this.center = new double[p];
            this.variances = new double[p];
            for (double[] row : data) {
                for (int j = 0; j < p; j++) {
                    if (!Double.isNaN(row[j])) {
                        center[j] += row[j] / observedCounts[j];
                    }
                }
            }
            for (double[] row : data) {
                for (int j = 0; j < p; j++) {
                    if (!Double.isNaN(row[j])) {
                        variances[j] += (row[j] - center[j]) * (row[j] - center[j]) / observedCounts[j];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                if (!(variances[j] > 0)) {
                    throw new IllegalArgumentException("column " + (j + 1) + ": every observed value is the same, so the"
                            + " covariance is singular");
                }
            }
            this.patterns = new ArrayList<>();
            byPattern.forEach((key, rows) -> {
                int[] observed = new int[(int) key.chars().filter(c -> c == 'o').count()];
                int[] missing = new int[p - observed.length];
                for (int j = 0, o = 0, m = 0; j < p; j++) {
                    if (key.charAt(j) == 'o') {
                        observed[o++] = j;
                    } else {
                        missing[m++] = j;
                    }
                }
                patterns.add(new Pattern(observed, missing, rows.stream().mapToInt(Integer::intValue).toArray()));
            });
        }

        MultivariateNormalParameters start() {
            double[][] covariance = new double[p][p];
            for (int j = 0; j < p; j++) {
                covariance[j][j] = variances[j];
            }
            return new MultivariateNormalParameters(center, covariance);
        }

        @Override
        public Expectation<double[]> expectation(MultivariateNormalParameters parameters) {
            double[] mean = parameters.mean();
            double[] sigma = parameters.flatCovariance();
            double[] statistics = new double[p + p * p];
            double[] completed = new double[p];
            double logLikelihood = 0;
            for (Pattern pattern : patterns) {
                int[] o = pattern.observed();
                int[] m = pattern.missing();
                int q = o.length;
                int r = m.length;
                double[] factor = new double[q * q];
                double[] observedBlock = new double[q * q];
                for (int a = 0; a < q; a++) {
                    for (int b = 0; b < q; b++) {
                        observedBlock[a * q + b] = sigma[o[a] * p + o[b]];
                    }
                }
                int failed = Cholesky.decompose(observedBlock, 0, q, factor, 0, 0);
                if (failed >= 0) {
                    throw new IllegalStateException("the covariance of columns " + Arrays.toString(plusOne(o))
                            + " is not positive definite at the current estimate; the columns are collinear");
                }
                double logNormalizer = -0.5 * Cholesky.logDeterminant(factor, 0, q) - q * HALF_LOG_TWO_PI;
                // regression = (L⁻¹ Σ_OM)ᵀ, r×q: the conditional mean is μ_M + regression · L⁻¹ (x_O - μ_O).
                double[] regression = new double[r * q];
                double[] column = new double[q];
                for (int b = 0; b < r; b++) {
                    for (int a = 0; a < q; a++) {
                        column[a] = sigma[o[a] * p + m[b]];
                    }
                    Cholesky.forwardSolve(factor, 0, q, column, 0, column, 0);
                    System.arraycopy(column, 0, regression, b * q, q);
                }
                // The conditional covariance Σ_MM - regression · regressionᵀ is the same for every row of the pattern.
                double[] conditional = new double[r * r];
                for (int a = 0; a < r; a++) {
                    for (int b = 0; b < r; b++) {
                        double v = sigma[m[a] * p + m[b]];
                        for (int c = 0; c < q; c++) {
                            v -= regression[a * q + c] * regression[b * q + c];
                        }
                        conditional[a * r + b] = v;
                    }
                }
                double[] z = new double[q];
                for (int i : pattern.rows()) {
                    double[] row = data[i];
                    for (int a = 0; a < q; a++) {
                        z[a] = row[o[a]] - mean[o[a]];
                    }
                    Cholesky.forwardSolve(factor, 0, q, z, 0, z, 0);
                    double squared = 0;
                    for (int a = 0; a < q; a++) {
                        squared += z[a] * z[a];
                        completed[o[a]] = row[o[a]] - center[o[a]];
                    }
                    logLikelihood += logNormalizer - 0.5 * squared;
                    for (int b = 0; b < r; b++) {
                        double v = mean[m[b]] - center[m[b]];
                        for (int c = 0; c < q; c++) {
                            v += regression[b * q + c] * z[c];
                        }
                        completed[m[b]] = v;
                    }
                    for (int a = 0; a < p; a++) {
                        statistics[a] += completed[a];
                        for (int b = 0; b <= a; b++) {
                            statistics[p + a * p + b] += completed[a] * completed[b];
                        }
                    }
                }
                int rows = pattern.rows().length;
                for (int a = 0; a < r; a++) {
                    for (int b = 0; b < r; b++) {
                        int hi = Math.max(m[a], m[b]);
                        int lo = Math.min(m[a], m[b]);
                        if (a >= b) {
                            statistics[p + hi * p + lo] += rows * conditional[a * r + b];
                        }
                    }
                }
            }
            return new Expectation<>(statistics, logLikelihood);
        }

        @Override
        public MultivariateNormalParameters maximization(double[] statistics) {
            double[] mean = new double[p];
            double[] shift = new double[p];
            for (int a = 0; a < p; a++) {
                shift[a] = statistics[a] / n;
                mean[a] = center[a] + shift[a];
            }
            double[][] covariance = new double[p][p];
            double[] flat = new double[p * p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = statistics[p + a * p + b] / n - shift[a] * shift[b];
                    covariance[a][b] = v;
                    covariance[b][a] = v;
                    flat[a * p + b] = v;
                    flat[b * p + a] = v;
                }
            }
            if (Cholesky.decompose(flat, 0, p, new double[p * p], 0, 0) >= 0) {
                throw new IllegalStateException("the estimated covariance became singular: some columns are (nearly)"
                        + " linear functions of the others in the observed rows");
            }
            return new MultivariateNormalParameters(mean, covariance);
        }
    }

    private static int[] plusOne(int[] indices) {
        return Arrays.stream(indices).map(i -> i + 1).toArray();
    }
}
