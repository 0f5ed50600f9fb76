package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void sameSeedGivesSameStreamsAndStreamsDiffer() {
        List<RandomGenerator> first = RandomStreams.split(42, 3);
        List<RandomGenerator> second = RandomStreams.split(42, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(first.get(i).nextLong(), second.get(i).nextLong());
        }
        List<RandomGenerator> fresh = RandomStreams.split(42, 3);
        assertNotEquals(fresh.get(0).nextLong(), fresh.get(1).nextLong());
    }

    @Test
    void streamIDoesNotDependOnHowManyStreamsAreSplit() {
        long fromTwo = RandomStreams.split(7, 2).get(1).nextLong();
        long fromFive = RandomStreams.split(7, 5).get(1).nextLong();
        assertEquals(fromTwo, fromFive);
    }
}
