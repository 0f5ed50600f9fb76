package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muster.em.api.EmResult;
import org.muster.em.api.ExpectationMaximization;
import org.muster.em.api.GaussianMixture;
import org.muster.em.api.NormalMixtureParameters;

class EmMixtureBenchmarkTest {

    @Test
    void everyInvocationRunsAllTenIterations() {
        EmMixtureBenchmark benchmark = new EmMixtureBenchmark();
        benchmark.points = 100_000;
        benchmark.setUp();
        EmResult<NormalMixtureParameters> result = benchmark.emIteration();
        assertEquals(EmMixtureBenchmark.ITERATIONS, result.iterations());
        assertFalse(result.converged());
    }

    /**
     * The E-step allocates nothing per point: ten iterations on 200,000 points allocate no more than on
     * 20,000 (what they allocate, per iteration, is a few arrays of K values and the parameters).
     */
    @Test
    void theHotLoopAllocatesNothingPerPoint() {
        GaussianMixture mixture = new GaussianMixture(new ExpectationMaximization(EmMixtureBenchmark.ITERATIONS, 0));
        double[] small = MixtureData.simulate(20_000);
        double[] large = MixtureData.simulate(200_000);
        for (int warm = 0; warm < 5; warm++) {
            mixture.fit(small, MixtureData.START);
            mixture.fit(large, MixtureData.START);
        }
        long smallBytes = allocated(() -> mixture.fit(small, MixtureData.START));
        long largeBytes = allocated(() -> mixture.fit(large, MixtureData.START));
        // 180,000 more points: even one byte per point would show as 1.8 MB.
        assertTrue(largeBytes - smallBytes < 16_384, "small " + smallBytes + " B, large " + largeBytes + " B");
        assertTrue(largeBytes < 100_000, largeBytes + " B for 10 iterations");
    }

    private static long allocated(Runnable run) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = threads.getThreadAllocatedBytes(id);
            run.run();
            best = Math.min(best, threads.getThreadAllocatedBytes(id) - before);
        }
        return best;
    }
}
