package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;

class NutsBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"eight-schools", "normal-10"})
    void everyInvocationTakesTheSameTrajectoriesWithoutDiverging(String model) {
        NutsBenchmark benchmark = new NutsBenchmark();
        benchmark.model = model;
        benchmark.setUp();
        PosteriorDraws first = (PosteriorDraws) benchmark.transition();
        PosteriorDraws second = (PosteriorDraws) benchmark.transition();
        assertEquals(NutsBenchmark.DRAWS, first.draws().iterations());
        assertEquals(first.chains().get(0).densityEvaluations(), second.chains().get(0).densityEvaluations());
        Draws a = first.samplerStatistics();
        Draws b = second.samplerStatistics();
        int leapfrogs = a.indexOf("n_leapfrog__");
        assertArrayEquals(a.chain(0, leapfrogs), b.chain(0, leapfrogs), 0.0);
        double mean = Arrays.stream(a.chain(0, leapfrogs)).average().orElseThrow();
        // Step 0.3 with the unit metric: trajectories of a few to a few dozen steps, few divergences.
        assertTrue(mean >= 3 && mean <= 64, model + ": " + mean + " leapfrog steps per transition");
        double divergent = Arrays.stream(a.chain(0, a.indexOf("divergent__"))).sum();
        assertTrue(divergent < NutsBenchmark.DRAWS / 100, model + ": " + divergent + " divergent transitions");
    }
}
