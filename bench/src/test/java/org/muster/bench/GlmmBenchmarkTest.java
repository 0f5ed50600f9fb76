package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;

class GlmmBenchmarkTest {

    @Test
    void theGradientIsFiniteRepeatableAndAllocatesNothing() {
        GlmmBenchmark benchmark = new GlmmBenchmark();
        benchmark.observations = 10_000;
        benchmark.setUp();
        double first = benchmark.logDensityGradient();
        assertTrue(Double.isFinite(first), "log density at the benchmark point is finite");
        assertEquals(first, benchmark.logDensityGradient(), 0.0);
        GradientCheck.assertAllocatesNothing(benchmark::logDensityGradient, 500);
    }

    @Test
    void theModelHasOneCoordinatePerParameterAndGroupEffect() {
        CompiledModel compiled = GlmmLogistic.model(30, 20, 1).compile();
        // Intercept, b_x, two sd, one free correlation, 2 x 30 standard effects
        assertEquals(5 + 60, compiled.dimension());
        assertTrue(compiled.outputNames().contains("r_g[30,x]"), compiled.outputNames().toString());
        GradientCheck.assertGradientMatchesFiniteDifferences(compiled.newEvaluator(),
                RandomPoint.normal(compiled.dimension(), 0.5, 3), 1e-5);
    }
}
