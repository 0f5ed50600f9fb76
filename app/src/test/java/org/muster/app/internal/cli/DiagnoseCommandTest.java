package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {

    @TempDir
    Path dir;

    /** The CmdStan 2.33 fixtures written by hand for the diagnostics module's tests. */
    static Path fixture(String name) {
        return Path.of("..", "diagnostics", "src", "test", "resources", "org", "muster", "diagnostics", "api", name);
    }

    /** The lines from the summary table's header on (the line above it says what was read). */
    private static List<String> fromTable(String out) {
        List<String> lines = out.lines().toList();
        int table = 0;
        while (!lines.get(table).startsWith("variable ")) {
            table++;
        }
        List<String> report = new ArrayList<>();
        for (String line : lines.subList(table, lines.size())) {
            // fit goes on with the units' shrinkage, which Stan CSV files do not know of
            if (line.startsWith("wrote ") || line.startsWith("Shrinkage ")) {
                break;
            }
            report.add(line);
        }
        return report;
    }

    @Test
    void diagnosingMustersOwnCsvReproducesTheSummaryOfTheRunThatWroteIt() throws IOException {
        Path fitOutput = dir.resolve("fit");
        // NUTS, the default method: sampler statistics, adaptation block and timings all go through the files
        MainTest.Run fit = MainTest.run("fit", "eight-schools", "--seed", "11", "--warmup", "300", "--draws", "300",
                "--chains", "3", "--output", fitOutput.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        Path diagnoseOutput = dir.resolve("diagnose");
        MainTest.Run diagnose = MainTest.run("diagnose", fitOutput.resolve("draws_1.csv").toString(),
                fitOutput.resolve("draws_2.csv").toString(), fitOutput.resolve("draws_3.csv").toString(), "--output",
                diagnoseOutput.toString());
        assertEquals(0, diagnose.exitCode(), diagnose.err());
        assertTrue(diagnose.out().startsWith("3 chains x 300 draws, 18 variables (nuts)"), diagnose.out());
        assertEquals(fromTable(fit.out()), fromTable(diagnose.out()));
        assertEquals(Files.readString(fitOutput.resolve("summary.csv")), Files.readString(diagnoseOutput.resolve("summary.csv")));
        assertEquals(Files.readString(fitOutput.resolve("summary.json")),
                Files.readString(diagnoseOutput.resolve("summary.json")));
    }

    @Test
    void readsCmdStanFilesAndReportsTheSamplerChecks() {
        MainTest.Run diagnose = MainTest.run("diagnose", fixture("cmdstan_chain_1.csv").toString(),
                fixture("cmdstan_chain_2.csv").toString());
        assertEquals(0, diagnose.exitCode(), diagnose.err());
        String out = diagnose.out();
        assertTrue(out.startsWith("2 chains x 10 draws, 4 variables (nuts)"), out);
        for (String variable : List.of("mu ", "tau ", "theta_tilde[1] ", "theta_tilde[2] ")) {
            assertTrue(out.contains("\n" + variable), out);
        }
        // max_depth = 3 in the files; chain 1 has one divergent transition
        assertTrue(out.contains("Sampler: 1 of 20 transitions diverged (5.0%); "), out);
        assertTrue(out.contains(" hit the maximum tree depth 3; E-BFMI "), out);
        assertTrue(out.contains("Warning: 1 of 20 transitions (5.0%) diverged (chain 1: 1)"), out);
        assertTrue(out.contains("raise adapt-delta"), out);
    }

    @Test
    void malformedInputExitsWith2NamingFileAndLine() throws IOException {
        Path ragged = dir.resolve("ragged.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("cmdstan_chain_1.csv")));
        lines.set(54, "-1.69423,0.640891,0.402453,3,7,0");
        Files.write(ragged, lines);
        MainTest.Run run = MainTest.run("diagnose", ragged.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("ragged.csv, line 55: 6 cells, but the header (line 48) has 11 columns"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());

        MainTest.Run unequal = MainTest.run("diagnose", fixture("cmdstan_chain_1.csv").toString(),
                fixture("cmdstan_saved_warmup_dense.csv").toString(), dir.resolve("missing.csv").toString());
        assertEquals(2, unequal.exitCode());
        assertTrue(unequal.err().contains("missing.csv: no such file"), unequal.err());

        MainTest.Run none = MainTest.run("diagnose");
        assertEquals(2, none.exitCode());
    }
}
