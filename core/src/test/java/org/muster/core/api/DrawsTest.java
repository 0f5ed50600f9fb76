package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void builderFillsChainsAndPoolsThem() {
        Draws.Builder builder = Draws.builder(List.of("a", "b"), 2, 3);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 3; i++) {
                builder.set(c, i, new double[] {10 * c + i, -i});
            }
        }
        Draws draws = builder.build();
        assertEquals(2, draws.chains());
        assertEquals(3, draws.iterations());
        assertEquals(1, draws.indexOf("b"));
        assertEquals(-1, draws.indexOf("c"));
        assertArrayEquals(new double[] {0, 1, 2, 10, 11, 12}, draws.pooled(0));
        assertArrayEquals(new double[] {10, 11, 12}, draws.chain(1, 0));
        assertEquals(-2, draws.value(1, 1, 2));
    }

    @Test
    void aStoppedRunIsCutToTheShortestChain() {
        Draws.Builder builder = Draws.builder(List.of("a"), 2, 5);
        builder.set(0, 0, new double[] {1}).set(0, 1, new double[] {2}).set(1, 0, new double[] {3});
        assertEquals(1, builder.build().iterations());
    }

    @Test
    void raggedArraysAreRejected() {
        double[][][] ragged = {{{1, 2}}, {{1}}};
        assertThrows(IllegalArgumentException.class, () -> Draws.of(List.of("a"), ragged));
    }

    @Test
    void drawsAreCopiedNotShared() {
        double[][][] values = {{{1, 2}}};
        Draws draws = Draws.of(List.of("a"), values);
        values[0][0][0] = 99;
        draws.chain(0, 0)[1] = 99;
        assertArrayEquals(new double[] {1, 2}, draws.chain(0, 0));
    }
}
