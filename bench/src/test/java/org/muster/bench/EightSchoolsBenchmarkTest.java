package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EightSchoolsBenchmarkTest {

    @Test
    void bothBenchmarksEvaluateTheSameFiniteLogDensity() {
        EightSchoolsBenchmark benchmark = new EightSchoolsBenchmark();
        benchmark.setUp();
        double withGradient = benchmark.logDensityGradient();
        assertTrue(Double.isFinite(withGradient), "log density at the benchmark point is finite");
        assertEquals(withGradient, benchmark.logDensity(), 0.0);
        assertEquals(withGradient, benchmark.logDensityGradient(), 0.0, "repeated evaluation gives the same value");
    }

    @Test
    void evaluationAllocatesNothing() {
        EightSchoolsBenchmark benchmark = new EightSchoolsBenchmark();
        benchmark.setUp();
        GradientCheck.assertAllocatesNothing(() -> benchmark.logDensityGradient() + benchmark.logDensity(), 20_000);
    }
}
