package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.uniform;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.diagnostics.api.MonteCarloError;

class SliceUpdateTest {

    private static Sweep sweep(CompiledModel compiled, double[] x) {
        return new Sweep(compiled.newEvaluator(), new SplittableRandom(7), x);
    }

    @Test
    void widthIsTunedInWarmupOnlyAndTheDrawsHaveTheTargetsMoments() {
        ModelBuilder b = Model.builder();
        b.stochastic("x", normal(3, 10));
        CompiledModel compiled = b.build().compile();
        SliceUpdate update = new SliceUpdate(compiled.unconstrainedBlock(compiled.model().requireNode("x")));
        Sweep sweep = sweep(compiled, new double[] {0});
        sweep.setWarmup(true);
        for (int i = 0; i < 500; i++) {
            update.update(sweep);
        }
        double tuned = update.widths()[0];
        // Twice the mean move of slice sampling on N(3, 10) is of the order of the standard deviation.
        assertTrue(tuned > 5 && tuned < 40, "tuned width " + tuned);
        sweep.setWarmup(false);
        double[][] draws = new double[1][20_000];
        for (int i = 0; i < draws[0].length; i++) {
            update.update(sweep);
            draws[0][i] = sweep.position[0];
            assertEquals(sweep.evaluator.logDensity(sweep.position), sweep.logDensity(), 1e-12);
        }
        assertEquals(tuned, update.widths()[0], "the width is fixed after warmup");
        double mean = java.util.Arrays.stream(draws[0]).average().orElseThrow();
        assertTrue(Math.abs(mean - 3) < 4 * MonteCarloError.mean(draws), "mean " + mean);
        double[][] squares = {java.util.Arrays.stream(draws[0]).map(v -> (v - 3) * (v - 3)).toArray()};
        double variance = java.util.Arrays.stream(squares[0]).average().orElseThrow();
        assertTrue(Math.abs(variance - 100) < 4 * MonteCarloError.mean(squares), "variance " + variance);
        // About five log densities per draw with a tuned width: stepping out twice or so, then a shrink or two.
        assertTrue(sweep.evaluations() < 10L * 20_500, "evaluations " + sweep.evaluations());
    }

    @Test
    void eachCoordinateOfAVectorIsUpdatedInTurnAndOthersAreLeftAlone() {
        ModelBuilder b = Model.builder();
        b.stochastic("before", normal(0, 1));
        b.stochastic("u", 3, uniform(0, 1));
        b.stochastic("after", normal(0, 1));
        CompiledModel compiled = b.build().compile();
        SliceUpdate update = new SliceUpdate(compiled.unconstrainedBlock(compiled.model().requireNode("u")));
        Sweep sweep = sweep(compiled, new double[] {0.25, 0, 0, 0, -0.5});
        update.update(sweep);
        assertEquals(0.25, sweep.position[0]);
        assertEquals(-0.5, sweep.position[4]);
        for (int i = 1; i <= 3; i++) {
            assertTrue(sweep.position[i] != 0, "coordinate " + i + " moved");
        }
        assertTrue(update.explanation().startsWith("u: slice sampling of each of its 3 coordinates in turn"));
    }
}
