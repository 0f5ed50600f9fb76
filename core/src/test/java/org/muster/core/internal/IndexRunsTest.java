package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexRunsTest {

    @Test
    void runsCoverTheIndexInOrder() {
        IndexRuns runs = IndexRuns.of(new int[] {2, 2, 2, 0, 0, 0, 0, 2, 1});
        assertEquals(4, runs.count());
        int[][] expected = {{0, 3, 2}, {3, 7, 0}, {7, 8, 2}, {8, 9, 1}};
        for (int r = 0; r < runs.count(); r++) {
            assertEquals(expected[r][0], runs.start(r));
            assertEquals(expected[r][1], runs.end(r));
            assertEquals(expected[r][2], runs.target(r));
        }
        assertFalse(runs.mostlySingletons());
    }

    @Test
    void unorderedIndicesAreMostlySingletonsAndEmptyOnesHaveNoRun() {
        assertTrue(IndexRuns.of(new int[] {0, 1, 0, 2, 2, 1}).mostlySingletons());
        assertEquals(0, IndexRuns.of(new int[0]).count());
    }
}
