package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.api.CalibrationRow;

class SbcCommandTest {

    @TempDir
    Path dir;

    @Test
    void ranksEveryParameterWritesTheTableAndTheReportAndPrintsAVerdict() throws IOException {
        Path output = dir.resolve("sbc");
        MainTest.Run run = MainTest.run("sbc", "eight-schools", "--simulations", "12", "--chains", "1", "--warmup", "100",
                "--draws", "100", "--seed", "4", "--output", output.toString(), "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("eight-schools simulation-based calibration on the design of built-in"
                + " 'eight-schools': nuts, 12 simulations of 1 chains x 100 draws (100 warmup), seed 4"), run.out());
        for (String variable : List.of("mu ", "tau ", "z[1] ", "theta[8] ")) {
            assertTrue(run.out().contains("\n" + variable), variable + " in " + run.out());
        }
        assertTrue(run.out().contains("12 simulations; ECDF bands at 99.7222% each for 18 parameters"), run.out());
        List<String> lines = Files.readAllLines(output.resolve("sbc.csv"));
        assertEquals(String.join(",", CalibrationRow.COLUMNS), lines.get(0));
        assertEquals(1 + 12 * 18, lines.size());
        assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
        String report = Files.readString(output.resolve("report.html"));
        assertTrue(report.contains("data-kind=\"ecdf\"") && report.contains("data-kind=\"ranks\"")
                && report.contains("<svg"), "report with inline charts");
        assertFalse(report.contains("<script") || report.contains("http://") && !report.contains("http://www.w3.org"),
                "self-contained");
        // the seed alone fixes the results, however many threads
        Path again = dir.resolve("again");
        MainTest.Run rerun = MainTest.run("sbc", "eight-schools", "--simulations", "12", "--chains", "1", "--warmup", "100",
                "--draws", "100", "--seed", "4", "--output", again.toString(), "--threads", "1");
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertEquals(lines, Files.readAllLines(again.resolve("sbc.csv")));
    }

    @Test
    void anImproperPriorIsAnInputErrorBeforeAnyFolderIsMade() {
        Path output = dir.resolve("none");
        MainTest.Run run = MainTest.run("sbc", "beta-binomial", "--simulations", "5", "--output", output.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("concentration") && run.err().contains("--prior"), run.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void badNumbersAreInputErrors() {
        assertEquals(2, MainTest.run("sbc", "eight-schools", "--simulations", "0").exitCode());
        assertEquals(2, MainTest.run("sbc", "eight-schools", "--alpha", "1.5").exitCode());
    }
}
