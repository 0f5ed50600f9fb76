package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.diagnostics.api.MonteCarloError;

class MetropolisBlockUpdateTest {

    /** x ~ N(0, 1), y ~ N(0.9 x, sqrt(0.19)): a standard bivariate normal with correlation 0.9. */
    private static CompiledModel correlated() {
        ModelBuilder b = Model.builder();
        Node x = b.stochastic("x", normal(0, 1));
        b.stochastic("y", normal(x.times(0.9), Math.sqrt(0.19)));
        b.stochastic("other", normal(5, 1));
        return b.build().compile();
    }

    @Test
    void learnsTheCorrelationInWarmupAndRecoversTheMoments() {
        CompiledModel compiled = correlated();
        Model model = compiled.model();
        int warmup = 2000;
        MetropolisBlockUpdate update = new MetropolisBlockUpdate(List.of(
                compiled.unconstrainedBlock(model.requireNode("x")), compiled.unconstrainedBlock(model.requireNode("y"))),
                warmup, 1);
        Sweep sweep = new Sweep(compiled.newEvaluator(), new SplittableRandom(3), new double[] {1, -1, 5.5});
        sweep.setWarmup(true);
        for (int i = 0; i < warmup; i++) {
            update.update(sweep);
        }
        sweep.setWarmup(false);
        double scale = update.scale();
        int n = 40_000;
        double[][] x = new double[1][n];
        double[][] y = new double[1][n];
        double[][] product = new double[1][n];
        double accepted = 0;
        for (int i = 0; i < n; i++) {
            update.update(sweep);
            accepted += update.statistic();
            x[0][i] = sweep.position[0];
            y[0][i] = sweep.position[1];
            product[0][i] = x[0][i] * y[0][i];
            assertEquals(5.5, sweep.position[2], "a node outside the block never moves");
        }
        assertEquals(scale, update.scale(), "the proposal is fixed after warmup");
        double acceptance = accepted / n;
        // With the covariance learned, the 2-d random walk tuned toward 0.234 accepts about that often.
        assertTrue(acceptance > 0.15 && acceptance < 0.35, "acceptance " + acceptance);
        assertMean(x, 0, "x");
        assertMean(y, 0, "y");
        assertMean(product, 0.9, "E[xy]");
        assertEquals("accept_x_y__", update.statisticName());
    }

    private static void assertMean(double[][] draws, double expected, String what) {
        double mean = Arrays.stream(draws[0]).average().orElseThrow();
        double mcse = MonteCarloError.mean(draws);
        assertTrue(Math.abs(mean - expected) < 4 * mcse, what + ": " + mean + " vs " + expected + " (MCSE " + mcse + ")");
    }
}
