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

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void drawsFromThePriorPredictiveAndWritesTheDraws() throws IOException {
        Path output = dir.resolve("sim");
        MainTest.Run run = MainTest.run("simulate", "eight-schools", "--draws", "400", "--seed", "7", "--output",
                output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("eight-schools prior predictive on built-in 'eight-schools': 400 draws, seed 7"),
                run.out());
        for (String variable : List.of("mu ", "tau ", "theta[8] ", "y_rep[1] ", "theta_new ", "y_new ")) {
            assertTrue(run.out().contains("\n" + variable), variable + " in " + run.out());
        }
        List<String> lines = Files.readAllLines(output.resolve("prior_predictive.csv"));
        assertEquals(401, lines.size());
        assertTrue(lines.get(0).startsWith("mu,tau,z[1],"), lines.get(0));
        assertTrue(Files.exists(output.resolve("summary.csv")));
        assertEquals(run.out(), MainTest.run("simulate", "eight-schools", "--draws", "400", "--seed", "7", "--output",
                output.toString()).out());
    }

    @Test
    void anImproperPriorAsksForAProperOne() {
        MainTest.Run improper = MainTest.run("simulate", "beta-binomial", "--seed", "1");
        assertEquals(2, improper.exitCode());
        assertTrue(improper.err().contains("cannot draw 'concentration' ~ improper concentration^(-3/2)")
                && improper.err().contains("--prior"), improper.err());
        MainTest.Run proper = MainTest.run("simulate", "beta-binomial", "--seed", "1", "--draws", "50", "--prior",
                "concentration=lognormal(2.5, 1)");
        assertEquals(0, proper.exitCode(), proper.err());
        assertTrue(proper.out().contains("\ny_rep[71] "), proper.out());
        assertFalse(proper.out().contains("Shrinkage"), proper.out());
    }
}
