package org.muster.samplers.internal.hmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdaptationTest {

    @Test
    void dualAveragingFollowsHoffmanAndGelmansRecursion() {
        StepSizeAdaptation adaptation = new StepSizeAdaptation(0.8);
        adaptation.restart(1.0);
        double mu = Math.log(10);
        // First update with acceptance 0.5: H̄ = (0.8 − 0.5)/11 · 1... written out from the recursion.
        double hBar = (1 - 1 / 11.0) * 0 + (1 / 11.0) * (0.8 - 0.5);
        double logStep = mu - hBar * Math.sqrt(1) / 0.05;
        assertEquals(Math.exp(logStep), adaptation.learn(0.5), 1e-12);
        assertEquals(Math.exp(logStep), adaptation.averagedStepSize(), 1e-12);
        double hBar2 = (1 - 1 / 12.0) * hBar + (1 / 12.0) * (0.8 - 1.0);
        double logStep2 = mu - hBar2 * Math.sqrt(2) / 0.05;
        double weight = Math.pow(2, -0.75);
        assertEquals(Math.exp(logStep2), adaptation.learn(1.7), 1e-12, "statistics above 1 count as 1");
        assertEquals(Math.exp((1 - weight) * logStep + weight * logStep2), adaptation.averagedStepSize(), 1e-12);
    }

    @Test
    void dualAveragingConvergesToTheStepSizeThatGivesTheTarget() {
        // A toy acceptance curve a(ε) = exp(−ε²): the target 0.8 is reached at ε = sqrt(−log 0.8).
        StepSizeAdaptation adaptation = new StepSizeAdaptation(0.8);
        adaptation.restart(1.0);
        double epsilon = 1.0;
        for (int i = 0; i < 5000; i++) {
            epsilon = adaptation.learn(Math.exp(-epsilon * epsilon));
        }
        assertEquals(Math.sqrt(-Math.log(0.8)), adaptation.averagedStepSize(), 1e-2);
    }

    @Test
    void rejectsATargetOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new StepSizeAdaptation(1.0));
        assertThrows(IllegalArgumentException.class, () -> new StepSizeAdaptation(0));
    }

    @Test
    void regularizedVarianceAndCovarianceAreStansShrinkage() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 40;
        double[][] x = new double[n][3];
        for (double[] row : x) {
            row[0] = random.nextGaussian() * 2;
            row[1] = row[0] + random.nextGaussian();
            row[2] = 5 + random.nextGaussian() * 0.1;
        }
        MetricEstimator diagonal = new MetricEstimator(3, false);
        MetricEstimator dense = new MetricEstimator(3, true);
        for (double[] row : x) {
            diagonal.add(row);
            dense.add(row);
        }
        double[][] covariance = new double[3][3];
        double[] mean = new double[3];
        for (double[] row : x) {
            for (int i = 0; i < 3; i++) {
                mean[i] += row[i] / n;
            }
        }
        for (double[] row : x) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    covariance[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (n - 1);
                }
            }
        }
        double shrink = n / (n + 5.0);
        double ridge = 1e-3 * 5.0 / (n + 5.0);
        double[][] expectedDense = new double[3][3];
        double[] expectedDiagonal = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expectedDense[i][j] = shrink * covariance[i][j] + (i == j ? ridge : 0);
            }
            expectedDiagonal[i] = expectedDense[i][i];
        }
        assertArrayEquals(expectedDiagonal, diagonal.regularized()[0], 1e-12);
        double[][] actual = dense.regularized();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expectedDense[i], actual[i], 1e-12);
        }
        dense.restart();
        assertEquals(0, dense.count());
    }

    @Test
    void denseMomentaHaveCovarianceTheInverseOfTheInverseMetric() {
        double[][] inverseMetric = {{4, 1.8}, {1.8, 1}};
        DenseMetric metric = new DenseMetric(inverseMetric);
        // M = inverse of [[4, 1.8], [1.8, 1]] = [[1, -1.8], [-1.8, 4]] / 0.76
        double det = 4 - 1.8 * 1.8;
        double[][] expected = {{1 / det, -1.8 / det}, {-1.8 / det, 4 / det}};
        SplittableRandom random = new SplittableRandom(8);
        int n = 200_000;
        double[] p = new double[2];
        double[][] sum = new double[2][2];
        for (int k = 0; k < n; k++) {
            metric.sampleMomentum(random, p);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    sum[i][j] += p[i] * p[j] / n;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                // Standard error of a second moment here is below 0.02; allow 5 of them.
                assertEquals(expected[i][j], sum[i][j], 0.1, "covariance [" + i + "][" + j + "]");
            }
        }
        double[] velocity = new double[2];
        metric.velocity(new double[] {1, 2}, velocity);
        assertArrayEquals(new double[] {4 + 3.6, 1.8 + 2}, velocity, 1e-12);
        assertEquals(0.5 * (1 * 7.6 + 2 * 3.8), metric.kineticEnergy(new double[] {1, 2}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new DenseMetric(new double[][] {{1, 2}, {2, 1}}));
    }

    @Test
    void diagonalMetricKineticEnergyAndVelocity() {
        DiagonalMetric metric = new DiagonalMetric(new double[] {4, 0.25});
        double[] velocity = new double[2];
        metric.velocity(new double[] {1, 2}, velocity);
        assertArrayEquals(new double[] {4, 0.5}, velocity, 0);
        assertEquals(0.5 * (4 + 1), metric.kineticEnergy(new double[] {1, 2}), 1e-12);
        assertTrue(metric.inverseMetric().length == 1);
        assertThrows(IllegalArgumentException.class, () -> new DiagonalMetric(new double[] {1, -1}));
    }
}
