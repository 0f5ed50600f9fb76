package org.muster.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeds of many fits: pure functions of the run's seed and the index or key. */
class SeedsTest {

    @Test
    void seedsArePureFunctionsOfTheRunSeedAndTheIndexOrKey() {
        assertEquals(Seeds.forIndex(7, 3), Seeds.forIndex(7, 3));
        assertEquals(Seeds.forKey(7, "north"), Seeds.forKey(7, "north"));
        assertNotEquals(Seeds.forIndex(7, 3), Seeds.forIndex(8, 3));
        assertNotEquals(Seeds.forKey(7, "north"), Seeds.forKey(7, "south"));
        assertNotEquals(Seeds.forKey(7, "north"), Seeds.forKey(8, "north"));
    }

    @Test
    void nearbyIndexesAndKeysGetDistinctSeeds() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Seeds.forIndex(1, i));
            seen.add(Seeds.forKey(1, "segment-" + i));
        }
        assertEquals(20_000, seen.size());
    }
}
