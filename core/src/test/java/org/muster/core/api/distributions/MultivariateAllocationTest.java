package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.transforms.Transform;
import org.muster.core.api.transforms.Transforms;

class MultivariateAllocationTest {

    /**
     * The current thread's allocated bytes, through reflection because the core module does not
     * read {@code java.management}; tests run on the class path, where it is reachable.
     */
    private static long allocatedBytes(Object threadBean, Method counter) throws ReflectiveOperationException {
        return (Long) counter.invoke(threadBean);
    }

    /** The multivariate kernels' and transforms' evaluation paths allocate nothing once warmed up. */
    @Test
    void kernelsAndTransformsDoNotAllocate() throws ReflectiveOperationException {
        Object threadBean = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean").invoke(null);
        Method counter = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        double[] buffer = new double[200];
        double[] adjoint = new double[200];
        int[] alphaAt = {20};
        int[] probsAt = {0};
        int[] three = {3};
        int[] mvnAt = {20, 30};
        int[] mvnSizes = {3, 9};
        int[] scalar = {1};
        buffer[20] = 2.0;
        buffer[21] = 0.5;
        buffer[22] = 1.5;
        buffer[30] = 1;
        buffer[34] = 1;
        buffer[38] = 1;
        Transform[] transforms = {Transforms.simplex(), Transforms.choleskyCorrelation(),
                Transforms.interval(0, 1), Transforms.lower(0), Transforms.upper(0), Transforms.identity()};
        SplittableRandom random = new SplittableRandom(1);
        long allocated = 0;
        int calls = 5000;
        for (int round = 0; round < 3; round++) {
            long before = allocatedBytes(threadBean, counter);
            for (int i = 0; i < calls; i++) {
                Dirichlet.INSTANCE.sample(random, buffer, 0, 3, alphaAt, three, 100);
                Dirichlet.INSTANCE.logDensityGradient(buffer, 0, 3, alphaAt, three, 100, adjoint, 1.0);
                Categorical.INSTANCE.sample(random, buffer, 50, 3, probsAt, three, 100);
                Categorical.INSTANCE.logDensityGradient(buffer, 50, 3, probsAt, three, 100, adjoint, 1.0);
                MultivariateNormalCholesky.INSTANCE.sample(random, buffer, 0, 3, mvnAt, mvnSizes, 100);
                MultivariateNormalCholesky.INSTANCE.logDensityGradient(buffer, 0, 3, mvnAt, mvnSizes, 100,
                        adjoint, 1.0);
                LkjCholesky.INSTANCE.sample(random, buffer, 60, 9, alphaAt, scalar, 100);
                LkjCholesky.INSTANCE.logDensityGradient(buffer, 60, 9, alphaAt, scalar, 100, adjoint, 1.0);
                for (Transform transform : transforms) {
                    int size = transform == transforms[1] ? 9 : 3;
                    transform.constrain(buffer, 120, buffer, 140, size);
                    transform.backward(buffer, 120, buffer, 140, buffer, 160, adjoint, 120, size, 1.0);
                    transform.unconstrain(buffer, 140, buffer, 180, size);
                }
            }
            allocated = allocatedBytes(threadBean, counter) - before;
        }
        // The measurement and the JIT's own bookkeeping leave up to ~1–2 kB (1,248 B seen on a fresh clone);
        // one 16-byte allocation per round would be 80 kB, so 10 kB still tells them apart.
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes in " + calls + " rounds");
    }
}
