package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fault leaves: SIGTERM ends a fit with the status the process returns recorded in run.json and a
 * report that says the run was interrupted; after {@code kill -9} the chains' files have unequal lengths,
 * and {@code muster diagnose} cuts them to the shortest (saying so) and rebuilds the report.
 */
class FaultsTest {

    @TempDir
    Path dir;

    /** A fit long enough to be stopped part-way, in a JVM of its own. */
    private Process longFit(Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "fit", "eight-schools", "--seed", "4",
                "--chains", "2", "--warmup", "100", "--draws", "2000000", "--quiet", "--output", output.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("fit.log").toFile())
                .start();
    }

    /** Waits until every chain's Stan CSV file holds at least {@code rows} draws. */
    private static void awaitDraws(Path output, int rows) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (draws(output.resolve("draws_1.csv")) >= rows && draws(output.resolve("draws_2.csv")) >= rows) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the fit wrote no draws in 120 s");
    }

    private static long draws(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("lp__")).count();
        }
    }

    @Test
    void sigtermEndsTheFitWithItsStatusRecordedAndAReportThatSaysSo() throws Exception {
        Path output = dir.resolve("term");
        Process fit = longFit(output);
        awaitDraws(output, 50);
        fit.destroy(); // SIGTERM
        assertTrue(fit.waitFor(90, TimeUnit.SECONDS), "the fit ends after SIGTERM");
        assertEquals(143, fit.exitValue(), Files.readString(dir.resolve("fit.log")));
        JsonNode record = new ObjectMapper().readTree(output.resolve("run.json").toFile());
        assertEquals(143, record.get("exit_status").asInt(), record.toString());
        assertTrue(record.get("cancelled").asBoolean());
        String report = Files.readString(output.resolve("report.html"));
        assertTrue(report.contains("the run was interrupted after ") && report.contains(" of 2000000 draws per chain: chains 1, 2 kept"),
                "the report says how the run ended");
    }

    @Test
    void afterKillNineDiagnoseCutsTheChainsToTheShortestAndRebuildsTheReport() throws Exception {
        Path output = dir.resolve("killed");
        Process fit = longFit(output);
        awaitDraws(output, 50);
        fit.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        JsonNode record = new ObjectMapper().readTree(output.resolve("run.json").toFile());
        assertTrue(record.get("exit_status").isNull(), "a killed run has no exit status");
        // make the lengths differ for sure, as they do when one chain had flushed more
        Path second = output.resolve("draws_2.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(second));
        lines.subList(lines.size() - 5, lines.size()).clear();
        Files.write(second, lines);
        long shortest = Math.min(draws(output.resolve("draws_1.csv")), draws(second));

        Path rebuilt = dir.resolve("rebuilt");
        MainTest.Run diagnose = MainTest.run("diagnose", output.resolve("draws_1.csv").toString(), second.toString(),
                "--report", "--output", rebuilt.toString());
        assertEquals(0, diagnose.exitCode(), diagnose.err());
        assertTrue(diagnose.err().startsWith("muster: chains of unequal length (draws_1.csv "), diagnose.err());
        assertTrue(diagnose.err().contains("every chain is cut to the shortest, " + shortest + " draws"), diagnose.err());
        assertEquals(1, diagnose.err().lines().count(), "one line: " + diagnose.err());
        assertTrue(diagnose.out().startsWith("2 chains x " + shortest + " draws"), diagnose.out());
        String report = Files.readString(rebuilt.resolve("report.html"));
        assertTrue(report.contains("read back from the Stan CSV files; chains of unequal length"), "the report says so");
        assertTrue(report.contains("data-kind=\"trace\""), "with its plots");
        assertTrue(Files.exists(rebuilt.resolve("summary.csv")) && Files.exists(rebuilt.resolve("summary.json")));
        assertTrue(diagnose.out().contains("wrote " + rebuilt + File.separator + "report.html"), diagnose.out());
    }
}
