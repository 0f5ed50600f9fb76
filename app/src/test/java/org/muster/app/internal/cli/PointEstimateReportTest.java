package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster fit --method map|eb|map2}: the point-estimate table, warnings and summary files. */
class PointEstimateReportTest {

    @TempDir
    Path dir;

    @Test
    void empiricalBayesOnRatsPrintsAndWritesEstimatesWithoutDraws() throws IOException {
        Path output = dir.resolve("eb");
        MainTest.Run run = MainTest.run("fit", "beta-binomial", "--data", "rats", "--method", "eb", "--seed", "3",
                "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("beta-binomial on built-in 'rats': eb, 4 starts, seed 3"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("alpha +2\\.34\\d\\d +0\\.79\\d\\d")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("theta\\[71] +0\\.208\\d +0\\.07\\d\\d")), run.out());
        assertFalse(run.out().contains("theta[6] "), "long vectors are abbreviated: " + run.out());
        assertTrue(run.out().contains("Objective (log marginal likelihood): -156.5"), run.out());
        assertTrue(run.out().contains("4 of 4 starts reached the best value"), run.out());

        List<String> csv = Files.readAllLines(output.resolve("summary.csv"));
        assertEquals("variable,estimate,std_error", csv.get(0));
        assertEquals(1 + 4 + 71, csv.size());
        assertTrue(csv.get(csv.size() - 1).startsWith("theta[71],0.208"), csv.get(csv.size() - 1));
        JsonNode json = new ObjectMapper().readTree(output.resolve("summary.json").toFile());
        assertEquals("eb", json.get("method").asText());
        assertEquals(75, json.get("variables").size());
        assertTrue(json.get("objective_trace").size() > 1);
        double last = json.get("objective_trace").get(json.get("objective_trace").size() - 1).asDouble();
        assertEquals(json.get("objective").asDouble(), last, 1e-9);
        assertEquals("4", json.get("settings").get("starts_at_best").asText());
        try (var files = Files.list(output)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("draws_")), "no Stan CSV for a point estimate");
        }
    }

    @Test
    void expectationMaximizationOnAMixtureFile() throws IOException {
        var random = new java.util.SplittableRandom(4);
        StringBuilder csv = new StringBuilder("y\n");
        for (int i = 0; i < 300; i++) {
            csv.append(random.nextDouble() < 0.4 ? -2 + 0.7 * random.nextGaussian() : 3 + random.nextGaussian()).append('\n');
        }
        Path data = Files.writeString(dir.resolve("mixture.csv"), csv);
        MainTest.Run run = MainTest.run("fit", "gaussian-mixture", "--data", data.toString(), "--method", "em", "--seed",
                "2", "--output", dir.resolve("em").toString());
        assertEquals(0, run.exitCode(), run.err());
        // Well separated components (means -2 and 3, 300 points): each mean within 0.3 of the truth.
        assertEquals(-2, estimate(run.out(), "mu[1]"), 0.3, run.out());
        assertEquals(3, estimate(run.out(), "mu[2]"), 0.3, run.out());
        assertTrue(run.out().contains("Objective (log likelihood): "), run.out());
        assertTrue(run.out().contains(" restarts reached the best value"), run.out());
        // Responsibilities for all 300 points and 2 components go to the summary, row-major.
        assertEquals(1 + 8 + 600, Files.readAllLines(dir.resolve("em").resolve("summary.csv")).size());
    }

    private static double estimate(String out, String variable) {
        return out.lines().filter(l -> l.startsWith(variable + " ")).map(l -> Double.parseDouble(l.trim().split(" +")[1]))
                .findFirst().orElseThrow();
    }

    @Test
    void methodOfMomentsThroughTheCommandLine() {
        MainTest.Run run = MainTest.run("fit", "beta-binomial", "--method", "eb", "--method-param", "estimator=moments",
                "--seed", "1", "--output", dir.resolve("moments").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("alpha +1\\.37\\d\\d +—")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("beta +8\\.57\\d\\d +—")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("theta\\[71] +0\\.224\\d .*")), run.out());
    }

    @Test
    void eightSchoolsEmpiricalBayesReportsTheBoundaryAndMapTwoToo() throws IOException {
        for (String method : List.of("eb", "map2")) {
            Path output = dir.resolve(method);
            MainTest.Run run = MainTest.run("fit", "eight-schools", "--method", method, "--seed", "1", "--output",
                    output.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().lines().anyMatch(l -> l.matches("tau +0\\.0000 +—")), run.out());
            assertTrue(run.out().contains("largest on the boundary, at tau = 0"), run.out());
            JsonNode json = new ObjectMapper().readTree(output.resolve("summary.json").toFile());
            assertTrue(json.get("warnings").get(0).asText().contains("tau = 0"), json.toString());
            assertTrue(json.get("variables").get(1).get("std_error").isNull(), json.toString());
        }
    }

    @Test
    void mapWritesItsEstimateAndGammaPoissonWorksWithEveryMethod() throws IOException {
        for (String method : List.of("map", "eb", "map2")) {
            Path output = dir.resolve("gp-" + method);
            MainTest.Run run = MainTest.run("fit", "gamma-poisson", "--method", method, "--seed", "2", "--output",
                    output.toString());
            assertEquals(0, run.exitCode(), method + ": " + run.err());
            assertTrue(run.out().lines().anyMatch(l -> l.matches("mu +\\d+\\.\\d{4} +\\d+\\.\\d{4}")), run.out());
            assertTrue(run.out().contains("wrote " + output.resolve("summary.json")), run.out());
            assertEquals(1 + 2 + 60, Files.readAllLines(output.resolve("summary.csv")).size(), method);
        }
    }

    @Test
    void empiricalBayesOnAModelWithoutAUnitLayerIsAUsageError() {
        MainTest.Run run = MainTest.run("fit", "neal-funnel", "--method", "eb", "--seed", "1");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("empirical Bayes needs a layer of unit parameters"), run.err());
        assertFalse(run.err().contains("at org."), run.err());
    }
}
