package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.em.internal.optim.DifferentiableObjective;
import org.muster.em.internal.optim.FiniteDifferences;
import org.muster.em.internal.optim.Lbfgs;
import org.muster.em.internal.optim.OptimizationResult;

class MissingDataNormalTest {

    /**
     * Tolerance 0: run until a step no longer raises the log likelihood in double precision. A relative
     * tolerance ε on the log likelihood leaves the parameters about √ε from the maximum, too coarse here.
     */
    private static final MissingDataNormal EM = new MissingDataNormal(new ExpectationMaximization(10_000, 0));

    /**
     * The lecture's "some y lost": n = 100 pairs (x, y) with mean (1, 2), sds 1 and 2, correlation 0.8,
     * seed 20261121; y is missing in 30 rows chosen at random (missing completely at random).
     */
    static double[][] someYLost() {
        SplittableRandom random = new SplittableRandom(20261121);
        double[][] data = new double[100][];
        for (int i = 0; i < data.length; i++) {
            double z1 = gaussian(random);
            double z2 = gaussian(random);
            data[i] = new double[] {1 + z1, 2 + 2 * (0.8 * z1 + 0.6 * z2)};
        }
        int lost = 0;
        while (lost < 30) {
            int i = random.nextInt(data.length);
            if (!Double.isNaN(data[i][1])) {
                data[i][1] = Double.NaN;
                lost++;
            }
        }
        return data;
    }

    /** Three correlated columns with values missing in several patterns (not monotone), n = 150, seed 9. */
    static double[][] threeColumns() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] data = new double[150][];
        for (int i = 0; i < data.length; i++) {
            double z1 = gaussian(random);
            double z2 = gaussian(random);
            double z3 = gaussian(random);
            data[i] = new double[] {-1 + z1, 3 + 0.5 * z1 + z2, 10 + 2 * z3 - 0.7 * z2};
            double u = random.nextDouble();
            if (u < 0.15) {
                data[i][0] = Double.NaN;
            } else if (u < 0.3) {
                data[i][2] = Double.NaN;
            } else if (u < 0.4) {
                data[i][1] = Double.NaN;
                data[i][2] = Double.NaN;
            }
        }
        return data;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void theObservedDataLogLikelihoodRisesAtEveryStep() {
        EmResult<MultivariateNormalParameters> fit = EM.fit(someYLost());
        assertTrue(fit.converged());
        assertTrue(fit.trace()[1] > fit.trace()[0] + 1, "the first step from the start is a real climb");
        double[] trace = fit.trace();
        assertTrue(trace.length > 5, "iterations " + trace.length);
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-12 * Math.abs(trace[i - 1]), "iteration " + i);
        }
        assertEquals(MissingDataNormal.observedLogLikelihood(someYLost(), fit.parameters()), fit.logLikelihood(), 1e-9);
    }

    @Test
    void someYLostMatchesDirectMaximizationOfTheObservedDataLikelihood() {
        assertMatchesDirectMaximization(someYLost());
    }

    @Test
    void aNonMonotonePatternMatchesDirectMaximizationToo() {
        assertMatchesDirectMaximization(threeColumns());
    }

    /**
     * With y missing and x always seen the likelihood factors into x's marginal and y's regression on x
     * (Anderson 1957): μ_x and σ_xx from all rows, the regression from the complete rows.
     */
    @Test
    void someYLostMatchesAndersonsFactoredMaximumLikelihood() {
        double[][] data = someYLost();
        double sx = 0;
        int n = data.length;
        for (double[] row : data) {
            sx += row[0];
        }
        double muX = sx / n;
        double sxx = 0;
        for (double[] row : data) {
            sxx += (row[0] - muX) * (row[0] - muX) / n;
        }
        double cx = 0;
        double cy = 0;
        int complete = 0;
        for (double[] row : data) {
            if (!Double.isNaN(row[1])) {
                cx += row[0];
                cy += row[1];
                complete++;
            }
        }
        cx /= complete;
        cy /= complete;
        double cxx = 0;
        double cxy = 0;
        double cyy = 0;
        for (double[] row : data) {
            if (!Double.isNaN(row[1])) {
                cxx += (row[0] - cx) * (row[0] - cx) / complete;
                cxy += (row[0] - cx) * (row[1] - cy) / complete;
                cyy += (row[1] - cy) * (row[1] - cy) / complete;
            }
        }
        double slope = cxy / cxx;
        double residual = cyy - slope * cxy;
        MultivariateNormalParameters fit = EM.fit(data).parameters();
        // EM stops when the log likelihood stops rising in double precision, which leaves the parameters
        // about sqrt(1e-16) ≈ 1e-8 (relative) from the maximum: hence 1e-6 relative, as against L-BFGS.
        assertRelative(muX, fit.mean()[0]);
        assertRelative(cy + slope * (muX - cx), fit.mean()[1]);
        assertRelative(sxx, fit.covariance()[0][0]);
        assertRelative(slope * sxx, fit.covariance()[0][1]);
        assertRelative(residual + slope * slope * sxx, fit.covariance()[1][1]);
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected));
    }

    /**
     * L-BFGS over the mean and the Cholesky factor of the covariance (log diagonal), the gradient of the
     * observed-data log likelihood by central differences; EM must land on the same maximum.
     */
    private static void assertMatchesDirectMaximization(double[][] data) {
        EmResult<MultivariateNormalParameters> em = EM.fit(data);
        int p = data[0].length;
        int size = p + p * (p + 1) / 2;
        java.util.function.ToDoubleFunction<double[]> negative = theta -> {
            double value = -MissingDataNormal.observedLogLikelihood(data, fromCoordinates(theta, p));
            return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
        };
        DifferentiableObjective objective = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return size;
            }

            @Override
            public double valueGradient(double[] x, double[] gradient) {
                double[][] g = FiniteDifferences.jacobian((point, out) -> out[0] = negative.applyAsDouble(point), 1, x);
                System.arraycopy(g[0], 0, gradient, 0, size);
                return negative.applyAsDouble(x);
            }
        };
        // Start from the complete-case-free default: zero means and the identity.
        OptimizationResult direct = new Lbfgs(10, 5000, 1e-7, 0).minimize(objective, new double[size]);
        MultivariateNormalParameters optimum = fromCoordinates(direct.point(), p);
        assertTrue(-direct.value() <= em.logLikelihood() + 1e-9 * Math.abs(em.logLikelihood()),
                "direct " + -direct.value() + " above EM " + em.logLikelihood());
        MultivariateNormalParameters fit = em.parameters();
        for (int a = 0; a < p; a++) {
            assertEquals(optimum.mean()[a], fit.mean()[a], 1e-6 * Math.abs(optimum.mean()[a]), "mean " + a);
            for (int b = 0; b < p; b++) {
                assertEquals(optimum.covariance()[a][b], fit.covariance()[a][b],
                        1e-6 * Math.abs(optimum.covariance()[a][b]), "covariance " + a + "," + b);
            }
        }
    }

    /** θ = (μ, L) with L lower triangular by rows, its diagonal on the log scale; Σ = L Lᵀ. */
    private static MultivariateNormalParameters fromCoordinates(double[] theta, int p) {
        double[] mean = java.util.Arrays.copyOf(theta, p);
        double[][] factor = new double[p][p];
        int k = p;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                factor[a][b] = a == b ? Math.exp(theta[k++]) : theta[k++];
            }
        }
        double[][] covariance = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                for (int c = 0; c < p; c++) {
                    covariance[a][b] += factor[a][c] * factor[b][c];
                }
            }
        }
        return new MultivariateNormalParameters(mean, covariance);
    }

    @Test
    void aRowWithEveryValueMissingIsNamed() {
        double[][] data = someYLost();
        data[16] = new double[] {Double.NaN, Double.NaN};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EM.fit(data));
        assertTrue(e.getMessage().contains("row 17 has every value missing"), e.getMessage());
    }

    @Test
    void tooFewObservedValuesAreNamedByColumn() {
        double nan = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EM.fit(new double[][] {{1, nan}, {2, 5}, {3, nan}, {4, nan}}));
        assertTrue(e.getMessage().contains("column 2 has 1 observed value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EM.fit(new double[][] {{1, nan}, {2, nan}, {nan, 3}, {4, 5}, {nan, 6}}));
        assertTrue(e.getMessage().contains("columns 1 and 2 are observed together in 1 row"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EM.fit(new double[][] {{1, 2}, {2, Double.POSITIVE_INFINITY}, {3, 4}}));
        assertTrue(e.getMessage().contains("row 2, column 2"), e.getMessage());
    }
}
