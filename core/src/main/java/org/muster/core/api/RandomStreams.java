package org.muster.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent, reproducible random streams split from one seed: stream {@code i} depends only on the
 * seed and {@code i}, never on thread scheduling, so the same seed gives the same draws whatever the
 * number of threads.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** {@code count} independent generators split in order from a root seeded with {@code seed}. */
    public static List<RandomGenerator> split(long seed, int count) {
        SplittableRandom root = new SplittableRandom(seed);
        List<RandomGenerator> streams = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            streams.add(root.split());
        }
        return streams;
    }
}
