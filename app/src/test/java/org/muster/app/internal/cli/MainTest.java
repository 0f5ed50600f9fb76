package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one run. */
    record Run(int exitCode, String out, String err) {
    }

    /**
     * Runs the command line in this JVM. A {@code fit} given neither {@code --output} nor {@code --no-output}
     * gets {@code --no-output}, so no test writes into {@code muster-out} in the source tree.
     */
    static Run run(String... args) {
        List<String> arguments = new java.util.ArrayList<>(List.of(args));
        if (arguments.contains("fit") && !arguments.contains("--output") && !arguments.contains("--no-output")
                && !arguments.contains("--help")) {
            arguments.add("--no-output");
        }
        args = arguments.toArray(new String[0]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertEquals(0, help.exitCode());
        for (String command : List.of("fit", "diagnose", "models", "methods")) {
            assertTrue(help.out().contains(command), help.out());
        }
        Run fitHelp = run("fit", "--help");
        assertTrue(fitHelp.out().contains("--seed") && fitHelp.out().contains("--output"), fitHelp.out());
    }

    @Test
    void fitWithTheSameSeedPrintsTheSameNumbers() {
        Run first = run("fit", "eight-schools", "--seed", "1", "--warmup", "300", "--draws", "300");
        Run second = run("fit", "eight-schools", "--seed", "1", "--warmup", "300", "--draws", "300");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        for (String variable : List.of("mu ", "tau ", "theta[1] ", "theta[8] ")) {
            assertTrue(first.out().contains(variable), first.out());
        }
        Run other = run("fit", "eight-schools", "--seed", "2", "--warmup", "300", "--draws", "300");
        assertFalse(other.out().equals(first.out()));
    }

    @Test
    void outputWritesSummaryCsvJsonAndStanCsvDraws() throws IOException {
        Path output = dir.resolve("out");
        Run fit = run("fit", "eight-schools", "--seed", "3", "--warmup", "200", "--draws", "200", "--chains", "2",
                "--output", output.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        List<String> lines = Files.readAllLines(output.resolve("summary.csv"));
        assertEquals("variable,mean,sd,q5,q50,q95,mcse_mean,mcse_sd,rhat,ess_bulk,ess_tail", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("theta[1],")), lines.toString());
        assertEquals(1 + 18, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(11, cells.length, line);
            for (int i = 1; i < 11; i++) {
                Double.parseDouble(cells[i]);
            }
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.resolve("summary.json").toFile());
        assertEquals("nuts", json.get("method").asText());
        assertEquals(2, json.get("chains").asInt());
        assertEquals(200, json.get("draws_per_chain").asInt());
        assertEquals(18, json.get("variables").size());
        var theta1 = json.get("variables").get(10);
        assertEquals("theta[1]", theta1.get("variable").asText());
        String[] csvTheta1 = lines.get(11).split(",");
        assertEquals(Double.parseDouble(csvTheta1[8]), theta1.get("rhat").asDouble());
        assertEquals(Double.parseDouble(csvTheta1[9]), theta1.get("ess_bulk").asDouble());
        assertTrue(json.get("sampler").get("mean_accept_stat").asDouble() > 0, json.toString());
        assertTrue(json.get("sampler").get("divergences").isInt(), json.get("sampler").toString());
        assertEquals(10, json.get("sampler").get("max_tree_depth").asInt());
        assertTrue(json.get("sampler").get("chains").get(1).get("ebfmi").asDouble() > 0);
        assertEquals(2, json.get("timing").size());
        assertTrue(json.get("timing").get(1).get("sampling_seconds").asDouble() > 0);
        assertTrue(json.get("warnings").isArray());
        for (String chain : List.of("draws_1.csv", "draws_2.csv")) {
            List<String> draws = Files.readAllLines(output.resolve(chain));
            assertTrue(draws.contains("lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,mu,tau,"
                    + "z.1,z.2,z.3,z.4,z.5,z.6,z.7,z.8,theta.1,theta.2,theta.3,theta.4,theta.5,theta.6,theta.7,theta.8"),
                    draws.subList(0, 40).toString());
            assertTrue(draws.contains("# Adaptation terminated") && draws.contains("# Diagonal elements of inverse mass matrix:"));
            assertTrue(draws.contains("#   seed = 3") && draws.contains("#     num_warmup = 200"));
            assertTrue(draws.stream().anyMatch(l -> l.startsWith("#  Elapsed Time: ")));
        }
        assertTrue(fit.out().contains("wrote " + output.resolve("draws_2.csv")), fit.out());
    }

    @Test
    void fitPrintsDiagnosticsAndWarnings() {
        Run nuts = run("fit", "eight-schools", "--seed", "5", "--warmup", "100", "--draws", "100", "--chains", "2");
        assertEquals(0, nuts.exitCode(), nuts.err());
        assertTrue(nuts.out().contains("ess_bulk ess_tail   rhat"), nuts.out());
        assertTrue(nuts.out().contains(" transitions diverged") && nuts.out().contains(" hit the maximum tree depth 10; E-BFMI ")
                && nuts.out().contains("; mean acceptance "), nuts.out());
        // 100 draws of random-walk Metropolis on eight schools: too few for the ESS thresholds
        Run fit = run("fit", "eight-schools", "--method", "mh", "--seed", "5", "--warmup", "100", "--draws", "100",
                "--chains", "2");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.out().contains("Sampler: mean acceptance "), fit.out());
        assertTrue(fit.out().contains("Warning: Bulk ESS below 200 (100 per chain)") && fit.out().contains("Try: run longer"),
                fit.out());
    }

    @Test
    void explainListsTheUpdateOfEachNodeBeforeFitting() {
        Run gammaPoisson = run("fit", "gamma-poisson", "--method", "gibbs", "--explain", "--seed", "5", "--warmup", "100",
                "--draws", "100", "--chains", "2");
        assertEquals(0, gammaPoisson.exitCode(), gammaPoisson.err());
        assertTrue(gammaPoisson.out().startsWith("Updates (gibbs):\n"
                + "  mu: slice sampling on the unconstrained scale (stepping out, shrinkage)\n"
                + "  sigma: slice sampling on the unconstrained scale (stepping out, shrinkage)\n"
                + "  lambda: conjugate gamma-poisson given n (all 60 members in one draw)\n"), gammaPoisson.out());
        assertTrue(gammaPoisson.out().contains("lambda[60]"), gammaPoisson.out());
        Run rats = run("fit", "beta-binomial", "--method", "gibbs", "--explain", "--seed", "5", "--warmup", "100",
                "--draws", "100", "--chains", "2");
        assertEquals(0, rats.exitCode(), rats.err());
        assertTrue(rats.out().contains("  theta: conjugate beta-binomial given y (all 71 members in one draw)\n"), rats.out());
        Run nuts = run("fit", "eight-schools", "--explain", "--seed", "5", "--warmup", "20", "--draws", "20", "--chains", "1");
        assertTrue(nuts.out().startsWith("nuts updates all parameters together"), nuts.out());
    }

    @Test
    void inputErrorsExitWith2AndAMessageWithoutStackTrace() throws IOException {
        Run unknown = run("fit", "no-such-model");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown model family 'no-such-model'"), unknown.err());
        assertFalse(unknown.err().contains("at org."), unknown.err());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "school,effect,stderr\nA,28,15\nB,x,10\n");
        Run badData = run("fit", "eight-schools", "--data", bad.toString(), "--seed", "1");
        assertEquals(2, badData.exitCode());
        assertTrue(badData.err().contains("line 3, column 'effect'"), badData.err());

        Run badOption = run("fit", "eight-schools", "--chains", "zero");
        assertEquals(2, badOption.exitCode());
        Run badMethod = run("fit", "eight-schools", "--method", "nope");
        assertEquals(2, badMethod.exitCode());
        assertTrue(badMethod.err().contains("mh"), badMethod.err());
    }

    /** A bad command line: exit 2, its first line says what is wrong, then the usage, never a stack trace. */
    private static void assertUsageError(Run run, String message) {
        assertEquals(2, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.get(0).contains(message), run.err());
        assertTrue(lines.get(1).startsWith("Usage: muster fit "), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownFamilyIsAUsageError() {
        assertUsageError(run("fit", "no-such-model"), "muster: unknown model family 'no-such-model'; available: [");
    }

    @Test
    void anUnknownMethodIsAUsageError() {
        assertUsageError(run("fit", "eight-schools", "--method", "nope"),
                "muster: unknown inference method 'nope'; available: [");
    }

    @Test
    void aNumberOptionThatIsNotANumberIsAUsageError() {
        assertUsageError(run("fit", "eight-schools", "--chains", "x"), "Invalid value for option '--chains': 'x' is not an int");
    }

    @Test
    void aMissingDataFileIsAUsageError() {
        Path missing = dir.resolve("missing.csv");
        assertUsageError(run("fit", "eight-schools", "--data", missing.toString()), "muster: data file not found: " + missing);
    }

    @Test
    void modelsAndMethodsListThePlugins() {
        Run models = run("models");
        assertEquals(0, models.exitCode());
        assertTrue(models.out().contains("eight-schools") && models.out().contains("column y"), models.out());
        Run methods = run("methods");
        assertTrue(methods.out().contains("mh - "), methods.out());
    }

    @Test
    void aMethodWithoutAnEstimateSaysWhyInsteadOfCrashing() {
        Run map = run("fit", "eight-schools", "--method", "map", "--seed", "1");
        assertEquals(0, map.exitCode(), map.err());
        assertTrue(map.out().contains("No estimate"), map.out());
        assertTrue(map.out().contains("Warning: no posterior mode in the interior"), map.out());
        assertFalse(map.err().contains("at org."), map.err());
    }
}
