package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --draws-memory}: a fit whose draws exceed the budget streams them to a temporary file in the output
 * folder, and every file it writes is the same, byte for byte, as the in-memory fit's.
 */
class DrawsMemoryCommandTest {

    @TempDir
    Path dir;

    private Path fit(String name, String... extra) {
        Path output = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("fit", "eight-schools", "--seed", "11", "--chains", "2",
                "--warmup", "100", "--draws", "60", "--quiet", "--output", output.toString()));
        args.addAll(List.of(extra));
        MainTest.Run run = MainTest.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return output;
    }

    private static void assertSameFiles(Path expected, Path actual, String... names) throws IOException {
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)), name);
        }
        // the draws files end with the chains' timings (CmdStan's "Elapsed Time"): every other byte is the same
        for (String name : List.of("draws_1.csv", "draws_2.csv")) {
            assertEquals(withoutElapsed(expected.resolve(name)), withoutElapsed(actual.resolve(name)), name);
        }
        // summary.json also holds the chains' timings: everything else is the same
        assertEquals(withoutTimings(expected.resolve("summary.json")), withoutTimings(actual.resolve("summary.json")));
    }

    private static String withoutElapsed(Path file) throws IOException {
        String text = Files.readString(file);
        String kept = text.replaceAll("(?m)^#.* seconds \\((Warm-up|Sampling|Total)\\)\n", "");
        assertEquals(text.lines().count() - 3, kept.lines().count(), "three lines of timings in " + file);
        return kept;
    }

    private static String withoutTimings(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("\"(warmup|sampling|total)_seconds\"\\s*:\\s*[-0-9.eE+]+", "");
        assertFalse(text.contains("_seconds"), text);
        return text;
    }

    private static List<String> listed(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTinyBudgetGivesTheSameFilesAsTheDefault() throws IOException {
        Path memory = fit("memory");
        // one byte: every draw goes to disk, read back one variable and one iteration at a time
        Path disk = fit("disk", "--draws-memory", "1");
        assertSameFiles(memory, disk, "summary.csv", "shrinkage.csv");
        assertEquals(listed(memory), listed(disk));
        assertTrue(listed(disk).stream().noneMatch(f -> f.contains("muster-draws")), listed(disk).toString());
    }

    @Test
    void predictiveDrawsFromDrawsOnDiskAreTheSame() throws IOException {
        Path memory = fit("memory", "--predict");
        Path disk = fit("disk", "--predict", "--draws-memory", "2k");
        assertSameFiles(memory, disk, "summary.csv", "shrinkage.csv");
    }

    @Test
    void collapsedConditionalMeansOnDiskAreTheSame() throws IOException {
        // the collapsed method keeps a second set of draws, the conditional means (summary.json's Rao-Blackwell means)
        Path memory = fit("memory", "--method", "collapsed");
        Path disk = fit("disk", "--method", "collapsed", "--draws-memory", "1");
        assertSameFiles(memory, disk, "summary.csv", "shrinkage.csv");
        assertTrue(Files.readString(disk.resolve("summary.json")).contains("mean_rao_blackwell"));
    }

    @Test
    void aBadSizeIsOneLineBeforeAnyFolder() {
        Path output = dir.resolve("never");
        MainTest.Run run = MainTest.run("fit", "eight-schools", "--draws-memory", "lots", "--output", output.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("muster: --draws-memory must be a size such as 512m, 2g or 65536 (bytes), got 'lots'",
                run.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(output));
    }
}
