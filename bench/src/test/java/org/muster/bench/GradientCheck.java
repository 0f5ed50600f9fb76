package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.LogDensity;

/** Shared checks of a compiled log density: finite differences and lookup of coordinates by name. */
final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Asserts that the reverse-mode gradient at {@code x} matches a five-point central difference,
     * {@code (-f(x+2h) + 8 f(x+h) - 8 f(x-h) + f(x-2h)) / 12h}, whose truncation error is O(h⁴): with
     * h = 1e-3 both it and the rounding error (≈ ε |f| / h) are far below the tolerance.
     *
     * @param x not modified
     * @param relativeTolerance on each coordinate, relative to max(1, |gradient|)
     */
    static void assertGradientMatchesFiniteDifferences(LogDensity density, double[] x, double relativeTolerance) {
        double[] gradient = new double[density.dimension()];
        double lp = density.logDensityGradient(x, gradient);
        assertEquals(density.logDensity(x), lp, 0.0, "logDensityGradient returns the same value as logDensity");
        assertTrue(Double.isFinite(lp), "log density is finite at the test point");
        double[] shifted = x.clone();
        for (int i = 0; i < x.length; i++) {
            double h = 1e-3 * Math.max(1.0, Math.abs(x[i]));
            double difference = (-at(density, shifted, i, x[i] + 2 * h) + 8 * at(density, shifted, i, x[i] + h)
                    - 8 * at(density, shifted, i, x[i] - h) + at(density, shifted, i, x[i] - 2 * h)) / (12 * h);
            shifted[i] = x[i];
            double scale = Math.max(1.0, Math.abs(gradient[i]));
            assertEquals(difference, gradient[i], relativeTolerance * scale, "d log p / dx[" + i + "]");
        }
    }

    private static double at(LogDensity density, double[] shifted, int i, double value) {
        shifted[i] = value;
        return density.logDensity(shifted);
    }

    /** The index of each unconstrained coordinate, by its name in {@link CompiledModel#unconstrainedNames()}. */
    static Map<String, Integer> coordinates(CompiledModel compiled) {
        List<String> names = compiled.unconstrainedNames();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }

    /** log N(x | mean, sd), normalizing constant included. */
    static double logNormal(double x, double mean, double sd) {
        double r = (x - mean) / sd;
        return -0.5 * Math.log(2 * Math.PI) - Math.log(sd) - 0.5 * r * r;
    }

    /**
     * Asserts that {@code iterations} calls of {@code evaluation} (after as many to warm up) allocate
     * nothing, by the thread's allocation counter; the slack covers the measurement itself, while one
     * 16-byte allocation per call would exceed it.
     */
    static void assertAllocatesNothing(java.util.function.DoubleSupplier evaluation, int iterations) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double sink = 0;
        for (int i = 0; i < iterations; i++) {
            sink += evaluation.getAsDouble();
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < iterations; i++) {
            sink += evaluation.getAsDouble();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(Double.isFinite(sink));
        assertTrue(allocated < 10_000, iterations + " evaluations allocated " + allocated + " bytes");
    }
}
