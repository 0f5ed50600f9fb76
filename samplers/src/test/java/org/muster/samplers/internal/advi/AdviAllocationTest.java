package org.muster.samplers.internal.advi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.spi.FitListener;

/** The optimization loop allocates nothing per iteration beyond one trace entry per ELBO evaluation. */
class AdviAllocationTest {

    private Object threads;
    private java.lang.reflect.Method allocated;

    /** Per-thread allocation counter through reflection: the module does not read jdk.management. */
    private long allocatedBytes() throws ReflectiveOperationException {
        return (Long) allocated.invoke(threads, Thread.currentThread().getId());
    }

    private long allocatedBytes(ModelEvaluator target, boolean fullRank, int iterations)
            throws ReflectiveOperationException {
        AdviOptions options = AdviTest.options(fullRank, "iter", Integer.toString(iterations), "tol_rel_obj", "1e-12",
                "adapt_engaged", "false", "eta", "0.1", "eval_elbo", "1000");
        Advi advi = new Advi(target, GaussianApproximation.of(fullRank, target.dimension()), options,
                new SplittableRandom(1), FitListener.NONE);
        long before = allocatedBytes();
        Advi.Result result = advi.run(new double[target.dimension()]);
        long after = allocatedBytes();
        assertEquals(iterations, result.iterations());
        return after - before;
    }

    @Test
    void anIterationAllocatesNothing() throws ReflectiveOperationException {
        threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> counter;
        try {
            counter = Class.forName("com.sun.management.ThreadMXBean");
        } catch (ClassNotFoundException e) {
            counter = null;
        }
        Assumptions.assumeTrue(counter != null && counter.isInstance(threads), "per-thread allocation counter unavailable");
        allocated = counter.getMethod("getThreadAllocatedBytes", long.class);
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 10));
        Node sigma = b.stochastic("sigma", 4, normal(0, 1));
        b.observed("y", normal(mu, 2), new double[] {1, 2, 3, 4});
        ModelEvaluator target = b.build().compile().newEvaluator();
        for (boolean fullRank : new boolean[] {false, true}) {
            allocatedBytes(target, fullRank, 20_000);
            long small = allocatedBytes(target, fullRank, 2_000);
            long large = allocatedBytes(target, fullRank, 20_000);
            // 18 more ELBO evaluations (one trace entry each) and nothing per iteration: an object allocated in
            // every iteration would cost at least 16 bytes per iteration. The margin covers the JIT's occasional
            // deoptimizations in a JVM shared with other tests.
            double perIteration = (large - small) / 18_000.0;
            assertTrue(perIteration < 4, (fullRank ? "full-rank" : "mean-field") + ": " + perIteration
                    + " bytes per iteration (" + small + " vs " + large + ")");
        }
    }
}
