package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.MonteCarloError;

/** Assertions that a sampler's estimates agree with exact values within 4 Monte Carlo standard errors. */
public final class MonteCarloAssertions {

    private MonteCarloAssertions() {
    }

    /** The posterior mean of f(variable) is within 4 MCSE (from the draws' ESS) of {@code expected}. */
    public static void assertExpectation(Draws draws, String variable, DoubleUnaryOperator f, double expected,
            String what) {
        double[][] chains = draws.variable(draws.indexOf(variable));
        double[][] values = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            values[c] = Arrays.stream(chains[c]).map(f).toArray();
        }
        double mean = Arrays.stream(values).flatMapToDouble(Arrays::stream).average().orElseThrow();
        double mcse = MonteCarloError.mean(values);
        assertTrue(Math.abs(mean - expected) < 4 * mcse, variable + " " + what + ": " + mean + " vs exact " + expected
                + " (" + (mean - expected) / mcse + " MCSE, MCSE " + mcse + ")");
    }

    /** Mean, and variance through the draws of (x − mean)², each within 4 MCSE of the exact values. */
    public static void assertMeanAndVariance(Draws draws, String variable, double mean, double variance) {
        assertExpectation(draws, variable, x -> x, mean, "mean");
        assertExpectation(draws, variable, x -> (x - mean) * (x - mean), variance, "variance");
    }
}
