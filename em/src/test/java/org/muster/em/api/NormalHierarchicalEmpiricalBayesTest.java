package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;

class NormalHierarchicalEmpiricalBayesTest {

    @Test
    void equalStandardErrorsGiveTheClosedFormEstimate() {
        // With sigma_j = sigma for all j: mu = mean(y), tau² = max(0, mean((y - mean)²) - sigma²).
        double[] y = {-4.1, 2.3, 9.8, 0.4, 14.2, -7.5, 5.0, 3.3, 11.1, -1.9};
        double[] sigma = new double[y.length];
        java.util.Arrays.fill(sigma, 3.0);
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double spread = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        NormalHierarchicalEstimate estimate = NormalHierarchicalEmpiricalBayes.typeTwoMaximumLikelihood(y, sigma);
        assertTrue(estimate.warnings().isEmpty(), estimate.warnings().toString());
        assertEquals(mean, estimate.mu(), 1e-9);
        assertEquals(Math.sqrt(spread - 9), estimate.tau(), 1e-7);
    }

    @Test
    void unequalStandardErrorsAgreeWithDerivativeFreeMaximization() {
        double[] y = {-4.1, 2.3, 19.8, 0.4, 14.2, -7.5, 5.0, 3.3};
        double[] sigma = {2, 3, 5, 2.5, 4, 3, 2, 6};
        NormalHierarchicalEstimate estimate = NormalHierarchicalEmpiricalBayes.typeTwoMaximumLikelihood(y, sigma);
        PointValuePair best = new SimplexOptimizer(1e-15, 1e-15).optimize(new MaxEval(100_000),
                new ObjectiveFunction(p -> NormalHierarchicalEmpiricalBayes.logMarginalLikelihood(y, sigma, p[0], p[1])),
                GoalType.MAXIMIZE, new InitialGuess(new double[] {0, 5}), new NelderMeadSimplex(2));
        assertEquals(best.getPoint()[0], estimate.mu(), 1e-5);
        assertEquals(Math.abs(best.getPoint()[1]), estimate.tau(), 1e-5);
        assertTrue(estimate.logMarginalLikelihood() >= best.getValue() - 1e-9);
    }

    @Test
    void eightSchoolsHasItsTypeTwoMaximumAtTauZeroAndSaysSo() {
        Dataset schools = DatasetReader.builtIn("eight-schools");
        double[] y = schools.real("effect");
        double[] sigma = schools.real("stderr");
        NormalHierarchicalEstimate estimate = NormalHierarchicalEmpiricalBayes.typeTwoMaximumLikelihood(y, sigma);
        assertEquals(0, estimate.tau(), 0);
        double precisionWeighted = 0;
        double precision = 0;
        for (int j = 0; j < y.length; j++) {
            precisionWeighted += y[j] / (sigma[j] * sigma[j]);
            precision += 1 / (sigma[j] * sigma[j]);
        }
        assertEquals(precisionWeighted / precision, estimate.mu(), 1e-12);
        assertTrue(estimate.warnings().get(0).contains("tau = 0"), estimate.warnings().toString());
        assertEquals(estimate.mu(), estimate.posteriorMean(y[0], sigma[0]), 0);
        // No tau on a fine grid does better than 0.
        for (double tau = 0.01; tau < 50; tau += 0.01) {
            assertTrue(NormalHierarchicalEmpiricalBayes.logMarginalLikelihood(y, sigma,
                    NormalHierarchicalEmpiricalBayes.bestMu(y, sigma, tau), tau) <= estimate.logMarginalLikelihood());
        }
    }

    @Test
    void unitPosteriorIsThePrecisionWeightedCombination() {
        NormalHierarchicalEstimate estimate = new NormalHierarchicalEstimate("given", 2, 3, Double.NaN, java.util.List.of());
        // Prior N(2, 9), datum 10 with sd 4: posterior mean (10/16 + 2/9)/(1/16 + 1/9), variance 1/(1/16 + 1/9).
        assertEquals((10 / 16.0 + 2 / 9.0) / (1 / 16.0 + 1 / 9.0), estimate.posteriorMean(10, 4), 1e-14);
        assertEquals(Math.sqrt(1 / (1 / 16.0 + 1 / 9.0)), estimate.posteriorSd(4), 1e-14);
    }

    @Test
    void rejectsBadData() {
        assertThrows(IllegalArgumentException.class,
                () -> NormalHierarchicalEmpiricalBayes.typeTwoMaximumLikelihood(new double[] {1, 2}, new double[] {1, 0}));
    }
}
