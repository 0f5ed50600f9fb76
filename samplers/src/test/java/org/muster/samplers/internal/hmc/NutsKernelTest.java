package org.muster.samplers.internal.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.muster.core.api.LogDensity;

class NutsKernelTest {

    /** A standard normal in d dimensions. */
    static LogDensity standardNormal(int d) {
        return new LogDensity() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double logDensity(double[] x) {
                double s = 0;
                for (double v : x) {
                    s += v * v;
                }
                return -0.5 * s;
            }

            @Override
            public double logDensityGradient(double[] x, double[] gradient) {
                for (int i = 0; i < d; i++) {
                    gradient[i] = -x[i];
                }
                return logDensity(x);
            }
        };
    }

    private static PhasePoint start(HamiltonianSystem system, double value) {
        PhasePoint z = new PhasePoint(system.dimension());
        java.util.Arrays.fill(z.position, value);
        system.evaluate(z);
        return z;
    }

    @Test
    void aHugeStepSizeIsReportedDivergent() {
        HamiltonianSystem system = new HamiltonianSystem(standardNormal(3), DiagonalMetric.unit(3));
        NutsKernel kernel = new NutsKernel(system, new SplittableRandom(1), 10);
        PhasePoint z = start(system, 0.5);
        double[] before = z.position.clone();
        kernel.transition(z, 100);
        double[] stats = new double[6];
        kernel.statistics(100, stats);
        assertEquals(1, stats[4], "divergent__");
        assertEquals(0, stats[2], "treedepth__: the first doubling failed");
        assertEquals(1, stats[3], "n_leapfrog__");
        assertEquals(0, stats[0], 1e-100, "accept_stat__");
        assertTrue(java.util.Arrays.equals(before, z.position), "a divergent first step leaves the chain where it was");
    }

    @Test
    void treeDepthIsCappedAtTheMaximum() {
        // A tiny step never U-turns within 2^3 steps.
        HamiltonianSystem system = new HamiltonianSystem(standardNormal(2), DiagonalMetric.unit(2));
        NutsKernel kernel = new NutsKernel(system, new SplittableRandom(2), 3);
        PhasePoint z = start(system, 1);
        kernel.transition(z, 1e-3);
        double[] stats = new double[6];
        kernel.statistics(1e-3, stats);
        assertEquals(3, stats[2], "treedepth__");
        assertEquals(7, stats[3], "n_leapfrog__ = 2^3 - 1");
        assertEquals(0, stats[4], "divergent__");
        assertTrue(stats[0] > 0.999, "tiny steps are accepted: " + stats[0]);
    }

    @Test
    void aTreeOfTheLargestDepthFitsInThePointPool() {
        // Tiny steps never U-turn, so every transition builds the full tree: all levels of the recursion
        // hold their points at once, the most the pool must supply.
        for (int maxDepth : new int[] {1, 2, 10, 12}) {
            HamiltonianSystem system = new HamiltonianSystem(standardNormal(3), DiagonalMetric.unit(3));
            NutsKernel kernel = new NutsKernel(system, new SplittableRandom(maxDepth), maxDepth);
            PhasePoint z = start(system, 1);
            double[] stats = new double[6];
            for (int i = 0; i < 3; i++) {
                kernel.transition(z, 1e-6);
                kernel.statistics(1e-6, stats);
                assertEquals(maxDepth, stats[2], "treedepth__");
                assertEquals((1 << maxDepth) - 1, stats[3], "n_leapfrog__");
            }
            assertTrue(Math.abs(z.position[0] - 1) < 1e-2, "the chain moved by about the trajectory length only");
        }
    }

    @Test
    void theTrajectoryStopsAtAUTurn() {
        // On a standard normal with step 0.2 a U-turn comes after about half a period (pi / 0.2 ≈ 16 steps).
        HamiltonianSystem system = new HamiltonianSystem(standardNormal(1), DiagonalMetric.unit(1));
        NutsKernel kernel = new NutsKernel(system, new SplittableRandom(5), 10);
        PhasePoint z = start(system, 0.3);
        double[] stats = new double[6];
        for (int i = 0; i < 200; i++) {
            kernel.transition(z, 0.2);
            kernel.statistics(0.2, stats);
            assertTrue(stats[2] <= 6, "tree depth " + stats[2] + " for a half-period of 16 steps");
        }
    }

    @Test
    void aTransitionAllocatesNothing() throws ReflectiveOperationException {
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> counter;
        try {
            counter = Class.forName("com.sun.management.ThreadMXBean");
        } catch (ClassNotFoundException e) {
            counter = null;
        }
        Assumptions.assumeTrue(counter != null && counter.isInstance(threads), "per-thread allocation counter unavailable");
        java.lang.reflect.Method allocatedBytes = counter.getMethod("getThreadAllocatedBytes", long.class);
        for (boolean dense : new boolean[] {false, true}) {
            HamiltonianSystem system = new HamiltonianSystem(standardNormal(10),
                    dense ? DenseMetric.unit(10) : DiagonalMetric.unit(10));
            NutsKernel kernel = new NutsKernel(system, new SplittableRandom(9), 10);
            PhasePoint z = start(system, 0.1);
            for (int i = 0; i < 2000; i++) {
                kernel.transition(z, 0.3);
            }
            long thread = Thread.currentThread().getId();
            long before = (Long) allocatedBytes.invoke(threads, thread);
            for (int i = 0; i < 2000; i++) {
                kernel.transition(z, 0.3);
            }
            long allocated = (Long) allocatedBytes.invoke(threads, thread) - before;
            // One small object per transition would be at least 32 kB.
            assertTrue(allocated < 4000, (dense ? "dense" : "diagonal") + ": 2000 transitions allocated " + allocated
                    + " bytes");
        }
    }
}
