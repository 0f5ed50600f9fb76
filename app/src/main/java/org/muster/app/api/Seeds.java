package org.muster.app.api;

import java.nio.charset.StandardCharsets;

/**
 * The seed of each of many fits, derived from the run's seed and the fit's index (a simulation) or key
 * (a segment) alone, so that results do not depend on threads, partitions, executors or order. Pure
 * functions.
 */
public final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Seeds() {
    }

    /** The seed of fit number {@code index} (0-based) of a run. */
    public static long forIndex(long runSeed, long index) {
        return mix(mix(runSeed) + GOLDEN_GAMMA * (index + 1));
    }

    /** The seed of the fit of segment {@code key} of a run: FNV-1a of the key's UTF-8 bytes, mixed with the run's seed. */
    public static long forKey(long runSeed, String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return mix(mix(runSeed) ^ mix(hash + GOLDEN_GAMMA));
    }

    /** SplitMix64's finalizer (Steele, Lea &amp; Flood 2014): a bijection that scatters nearby inputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
