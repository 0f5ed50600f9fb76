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
import org.muster.diagnostics.api.StanCsv;

/** {@code muster fit FILE.bug} and {@code muster check FILE.bug}: model files where a family would be. */
class ModelFileCommandTest {

    @TempDir
    Path dir;

    private static final String MIXTURE = "model {\n  for (i in 1:N) {\n    z[i] ~ dcat(p[])\n    y[i] ~ dnorm(mu[z[i]], 1)\n"
            + "  }\n  p[1:2] ~ ddirch(alpha[])\n  mu[1] ~ dnorm(-1, 1)\n  mu[2] ~ dnorm(1, 1)\n}\n";

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    @Test
    void fitsAModelFileWithItsDefaultMethodAndWritesItsMonitorsAsStanCsv() throws IOException {
        Path model = file("mix.bug", MIXTURE);
        Path data = file("mix.R", "N <- 6\ny <- c(-1.2, -0.8, 1.1, 0.9, -1.5, 1.4)\n");
        Path more = file("alpha.json", "{\"alpha\": [1, 1]}");
        Path inits = file("inits.R", "mu <- c(-1, 1)\n.RNG.seed <- 5\n");
        Path output = dir.resolve("out");
        MainTest.Run run = MainTest.run("fit", model.toString(), "--data", data.toString(), "--data", more.toString(),
                "--init", inits.toString(), "--monitor", "p,mu", "--seed", "3", "--chains", "2", "--warmup", "100",
                "--draws", "100", "--output", output.toString());
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        assertTrue(run.out().contains("gibbs"), "discrete nodes make gibbs the default: " + run.out());
        assertTrue(run.err().contains("muster: note: .RNG.seed in "), run.err());
        var draws = StanCsv.read(List.of(output.resolve("draws_1.csv"), output.resolve("draws_2.csv"))).draws();
        assertEquals(List.of("p[1]", "p[2]", "mu[1]", "mu[2]"), draws.variables());
    }

    @Test
    void checkPrintsTheGraphAndEachNodesUpdateAndWritesNothing() throws IOException {
        Path model = file("mix.bug", MIXTURE);
        Path data = file("mix.R", "N <- 3\ny <- c(-1.2, 0.8, 1.1)\nalpha <- c(1, 1)\n");
        MainTest.Run run = MainTest.run("check", model.toString(), "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("z[1:3] ~ dcat, unobserved"), run.out());
        assertTrue(run.out().contains("Updates (gibbs, the default):"), run.out());
        assertTrue(run.out().contains("p (p[1:2]): conjugate dirichlet-categorical"), run.out());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "check writes nothing");
        }
    }

    @Test
    void aMistakeInTheFileIsExitTwoWithOneLineAndACaretAndNothingIsWritten() throws IOException {
        Path model = file("bad.bug", "model {\n  y ~ dnrom(0, 1)\n}\n");
        Path output = dir.resolve("out");
        MainTest.Run run = MainTest.run("fit", model.toString(), "--output", output.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bad.bug:2:7: unknown distribution 'dnrom' (did you mean 'dnorm'?)\n"
                + "    y ~ dnrom(0, 1)\n        ^^^^^"), run.err());
        assertFalse(Files.exists(output));
        Path good = file("good.bug", "model {\n  y ~ dnorm(mu, 1)\n  mu ~ dnorm(0, 1)\n}\n");
        Path data = file("y.R", "y <- 1\n");
        MainTest.Run monitor = MainTest.run("fit", good.toString(), "--data", data.toString(), "--monitor", "muu",
                "--output", output.toString());
        assertEquals(2, monitor.exitCode());
        assertTrue(monitor.err().contains("--monitor muu: the model has no node 'muu' (did you mean 'mu'?)"), monitor.err());
        assertFalse(Files.exists(output));
    }
}
