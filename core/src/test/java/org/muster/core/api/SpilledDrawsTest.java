package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilledDrawsTest {

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            names.add("theta[" + (v + 1) + "]");
        }
        return names;
    }

    /** Fills two builders with the same rows (random bits, NaN and -0 among them); chain lengths as given. */
    private static Draws[] fill(DrawsStorage storage, int variables, int iterations, int[] lengths, int[] kept) {
        Draws.Builder memory = Draws.builder(names(variables), lengths.length, iterations);
        Draws.Builder disk = Draws.builder(names(variables), lengths.length, iterations, storage);
        assertFalse(memory.onDisk());
        assertTrue(disk.onDisk());
        SplittableRandom random = new SplittableRandom(7);
        double[] row = new double[variables];
        for (int c = 0; c < lengths.length; c++) {
            for (int i = 0; i < lengths[c]; i++) {
                for (int v = 0; v < variables; v++) {
                    row[v] = switch (random.nextInt(20)) {
                        case 0 -> Double.NaN;
                        case 1 -> -0.0;
                        default -> Double.longBitsToDouble(random.nextLong()) ;
                    };
                }
                memory.set(c, i, row);
                disk.set(c, i, row);
            }
        }
        return kept == null ? new Draws[] {memory.build(), disk.build()} : new Draws[] {memory.build(kept), disk.build(kept)};
    }

    private static void assertSame(Draws expected, Draws actual) {
        assertEquals(expected.variables(), actual.variables());
        assertEquals(expected.chains(), actual.chains());
        assertEquals(expected.iterations(), actual.iterations());
        assertTrue(actual.onDisk());
        // variable after variable, then backwards, then row after row: bit for bit
        for (int v = 0; v < expected.variables().size(); v++) {
            assertBits(expected.pooled(v), actual.pooled(v));
        }
        for (int v = expected.variables().size() - 1; v >= 0; v--) {
            for (int c = 0; c < expected.chains(); c++) {
                assertBits(expected.chain(c, v), actual.chain(c, v));
            }
        }
        double[] a = new double[expected.variables().size()];
        double[] b = new double[expected.variables().size()];
        for (int c = 0; c < expected.chains(); c++) {
            for (int i = 0; i < expected.iterations(); i++) {
                expected.row(c, i, a);
                actual.row(c, i, b);
                assertBits(a, b);
                assertEquals(Double.doubleToRawLongBits(expected.value(c, 3, i)),
                        Double.doubleToRawLongBits(actual.value(c, 3, i)));
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "at " + i);
        }
    }

    @Test
    void drawsBeyondTheBudgetReadBackBitForBit(@TempDir Path directory) {
        // budgets giving blocks of 1, 3 and all 10 iterations, and groups of 1 to all variables
        for (long budget : new long[] {1, 3 * 2 * 50 * 8, 2 * 50 * 10 * 8 - 1}) {
            Draws[] draws = fill(new DrawsStorage(budget, Optional.of(directory)), 50, 10, new int[] {10, 10}, null);
            assertSame(draws[0], draws[1]);
        }
    }

    @Test
    void aStoppedRunIsCutTheSameWay(@TempDir Path directory) {
        Draws[] draws = fill(new DrawsStorage(400, Optional.of(directory)), 7, 9, new int[] {9, 4, 6}, new int[] {0, 2});
        assertEquals(6, draws[1].iterations());
        assertSame(draws[0], draws[1]);
    }

    @Test
    void theTemporaryFilesAreGoneAsSoonAsTheyAreOpen(@TempDir Path directory) throws Exception {
        Draws[] draws = fill(new DrawsStorage(1, Optional.of(directory)), 5, 4, new int[] {4, 4}, null);
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(), files.toList());
        }
        assertSame(draws[0], draws[1]);
    }

    @Test
    void drawsWithinTheBudgetStayInMemory() {
        Draws.Builder builder = Draws.builder(names(3), 2, 4, new DrawsStorage(2 * 3 * 4 * 8, Optional.empty()));
        assertFalse(builder.onDisk());
        assertFalse(builder.build().onDisk());
    }

    @Test
    void rowsOnDiskMustComeInOrder(@TempDir Path directory) {
        Draws.Builder builder = Draws.builder(names(2), 1, 6, new DrawsStorage(1, Optional.of(directory)));
        builder.set(0, 0, new double[] {1, 2});
        assertThrows(IllegalStateException.class, () -> builder.set(0, 2, new double[] {1, 2}));
    }

    @Test
    void sizesReadAsBytesWithPowersOf1024() {
        assertEquals(65536, DrawsStorage.parseSize("65536", "x"));
        assertEquals(64L << 10, DrawsStorage.parseSize("64k", "x"));
        assertEquals(512L << 20, DrawsStorage.parseSize("512M", "x"));
        assertEquals(2L << 30, DrawsStorage.parseSize("2gb", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DrawsStorage.parseSize("lots", "--draws-memory"));
        assertEquals("--draws-memory must be a size such as 512m, 2g or 65536 (bytes), got 'lots'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DrawsStorage.parseSize("0", "x"));
        assertThrows(IllegalArgumentException.class, () -> DrawsStorage.parseSize("-5m", "x"));
    }
}
