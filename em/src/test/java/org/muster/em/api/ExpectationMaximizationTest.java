package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExpectationMaximizationTest {

    static final double[] OBSERVED = {1.2, 0.4, 2.9, 1.7, 0.8, 2.2};
    static final int MISSING = 9;

    /**
     * y_i ~ N(mu, 1) with 6 values seen and 9 missing at random: the E-step fills the missing ones with
     * mu, the M-step averages all 15. The fixed point is the mean of the observed values, approached at
     * rate 9/15 (the fraction of missing information).
     */
    static class MissingValuesMean implements EmProblem<Double, Double> {
        int maximizations;

        @Override
        public Expectation<Double> expectation(Double mu) {
            double logLikelihood = 0;
            for (double y : OBSERVED) {
                logLikelihood += -0.5 * Math.log(2 * Math.PI) - 0.5 * (y - mu) * (y - mu);
            }
            double completedSum = Arrays.stream(OBSERVED).sum() + MISSING * mu;
            return new Expectation<>(completedSum, logLikelihood);
        }

        @Override
        public Double maximization(Double completedSum) {
            maximizations++;
            return completedSum / (OBSERVED.length + MISSING);
        }
    }

    @Test
    void convergesToTheObservedDataMaximumWithAMonotoneTrace() {
        EmResult<Double> result = new ExpectationMaximization(1000, 1e-14).run(new MissingValuesMean(), -10.0);
        assertTrue(result.converged());
        assertEquals(Arrays.stream(OBSERVED).average().orElseThrow(), result.parameters(), 1e-6);
        double[] trace = result.trace();
        assertEquals(result.iterations() + 1, trace.length);
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1], "iteration " + i);
        }
        assertEquals(result.logLikelihood(), trace[trace.length - 1], 0);
    }

    @Test
    void errorShrinksAtTheRateOfMissingInformation() {
        double mean = Arrays.stream(OBSERVED).average().orElseThrow();
        EmResult<Double> one = new ExpectationMaximization(1, 0).run(new MissingValuesMean(), mean - 10);
        // mu' - m = (9/15)(mu - m): one step from an error of 10 leaves 6.
        assertEquals(mean - 6, one.parameters(), 1e-12);
        assertFalse(one.converged());
    }

    @Test
    void aStepThatDecreasesTheLogLikelihoodStopsTheRunNamingTheIteration() {
        MissingValuesMean broken = new MissingValuesMean() {
            @Override
            public Double maximization(Double completedSum) {
                double mu = super.maximization(completedSum);
                return maximizations == 3 ? mu + 20 : mu; // overshoots: further from the maximum than before the step
            }
        };
        NonMonotoneStepException e = assertThrows(NonMonotoneStepException.class,
                () -> new ExpectationMaximization(1000, 1e-14).run(broken, -10.0));
        assertEquals(3, e.iteration());
        assertTrue(e.getMessage().contains("iteration 3"), e.getMessage());
        assertTrue(e.getMessage().contains("decreased"), e.getMessage());
    }

    @Test
    void aNonFiniteLogLikelihoodIsReported() {
        EmProblem<Double, Double> infinite = new MissingValuesMean() {
            @Override
            public Expectation<Double> expectation(Double mu) {
                return new Expectation<>(0.0, Double.NaN);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ExpectationMaximization(10, 0).run(infinite, 0.0));
        assertTrue(e.getMessage().contains("starting values"), e.getMessage());
    }
}
