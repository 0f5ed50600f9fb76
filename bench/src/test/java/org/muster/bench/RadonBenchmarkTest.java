package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class RadonBenchmarkTest {

    @Test
    void bothBenchmarksEvaluateTheSameFiniteLogDensity() {
        RadonBenchmark benchmark = new RadonBenchmark();
        benchmark.setUp();
        double withGradient = benchmark.logDensityGradient();
        assertTrue(Double.isFinite(withGradient), "log density at the benchmark point is finite");
        assertEquals(withGradient, benchmark.logDensity(), 0.0);
        assertEquals(withGradient, benchmark.logDensityGradient(), 0.0, "repeated evaluation gives the same value");
    }

    @Test
    void evaluationAllocatesNothing() {
        RadonBenchmark benchmark = new RadonBenchmark();
        benchmark.setUp();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double sink = 0;
        for (int i = 0; i < 2_000; i++) {
            sink += benchmark.logDensityGradient();
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 2_000; i++) {
            sink += benchmark.logDensityGradient() + benchmark.logDensity();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(Double.isFinite(sink));
        // Slack for the measurement itself; a single 16-byte allocation per call would exceed it.
        assertTrue(allocated < 10_000, "2_000 pairs of evaluations allocated " + allocated + " bytes");
    }
}
