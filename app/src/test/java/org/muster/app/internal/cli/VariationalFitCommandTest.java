package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.internal.VariationalCsvWriter;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.StanCsv;

/** {@code muster fit --method advi|advi-fullrank}: the k-hat verdict, the ELBO trace and the approximation's files. */
class VariationalFitCommandTest {

    @TempDir
    Path dir;

    @Test
    void fullRankAdviWritesTheElboTraceTheApproximationAndItsDraws() throws IOException {
        Path output = dir.resolve("advi");
        MainTest.Run run = MainTest.run("fit", "eight-schools", "--method", "advi-fullrank", "--seed", "5", "--draws",
                "500", "--tol-rel-obj", "0.005", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("eight-schools on built-in 'eight-schools': advi-fullrank, 500 draws from the"
                + " approximation, seed 5"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Pareto k-hat = \\d\\.\\d\\d \\((good|usable|do not trust)\\): .*")),
                run.out());
        assertTrue(run.out().contains("PSIS mean"), run.out());

        List<String> elbo = Files.readAllLines(output.resolve("elbo.csv"));
        assertEquals(VariationalCsvWriter.ELBO_HEADER, elbo.get(0));
        assertTrue(elbo.size() > 1);
        List<String> approximation = Files.readAllLines(output.resolve("approximation.csv"));
        assertEquals(List.of("coordinate,mean,sd", "mu"), List.of(approximation.get(0), approximation.get(1).split(",")[0]));
        assertEquals(1 + 10, approximation.size(), "mu, log tau and 8 z");
        assertEquals(1 + 10, Files.readAllLines(output.resolve("correlation.csv")).size());
        PosteriorDraws draws = StanCsv.read(List.of(output.resolve("draws_1.csv")));
        assertEquals(500, draws.draws().iterations());
        MainTest.Run diagnose = MainTest.run("diagnose", output.resolve("draws_1.csv").toString());
        assertEquals(0, diagnose.exitCode(), diagnose.err());
    }

    @Test
    void aBadAdviOptionIsAUsageError() {
        MainTest.Run run = MainTest.run("fit", "eight-schools", "--method", "advi", "--grad-samples", "0");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("grad_samples"), run.err());
    }
}
