package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.internal.InferenceMethodsModule;
import org.muster.app.internal.ModelFamiliesModule;
import org.muster.app.internal.PipelineModule;
import org.muster.app.internal.run.Interruption;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.StanCsv;
import picocli.CommandLine;

/**
 * How {@code muster fit} runs: the files it writes as it goes (Stan CSV, run.json, muster.log), what an
 * interruption leaves, and its exit codes.
 */
class FitRunTest {

    @TempDir
    Path dir;

    /** Cancels the fit, as Ctrl-C does, once the chains have done this many iterations between them. */
    /**
     * Cancels a two-chain run whatever the scheduler does (one chain may start late and the other race
     * ahead, even to its end): with {@code eachChain}, once each chain has done {@code iterations}
     * iterations; without, once the two together have, so neither has done more.
     */
    static final class CancelAfter extends Interruption {
        private final int iterations;
        private final boolean eachChain;
        private final java.util.concurrent.atomic.AtomicIntegerArray done = new java.util.concurrent.atomic.AtomicIntegerArray(2);

        CancelAfter(int iterations, boolean eachChain) {
            this.iterations = iterations;
            this.eachChain = eachChain;
        }

        @Override
        public void onIteration(int chain, int iteration, int total, boolean warmup) {
            done.set(chain, iteration);
            boolean reached = eachChain ? done.get(0) >= iterations && done.get(1) >= iterations
                    : done.get(0) + done.get(1) >= iterations;
            if (reached) {
                cancel();
            }
        }
    }

    /** Runs the command line as {@link Main#run} does (without its error handler), with a fit that cancels itself. */
    private static MainTest.Run runCancelling(int iterations, boolean eachChain, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // a thread per chain whatever the machine, so the chains run side by side and stop together
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CommandLine commandLine = new CommandLine(MusterCommand.class, new GuiceFactory(Guice.createInjector(
                new InferenceMethodsModule(), new ModelFamiliesModule(), new PipelineModule(), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Interruption.class).toInstance(new CancelAfter(iterations, eachChain));
                        bind(ExecutorService.class).toInstance(pool);
                    }
                })));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        try {
            int code = commandLine.execute(args);
            return new MainTest.Run(code, out.toString(), err.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void anInterruptedFitWritesTheSummaryAndDrawsAllChainsCompletedAndExits130() throws IOException {
        Path output = dir.resolve("out");
        // 2 chains x (100 warmup + 400 draws); cancelled once both have done 350 iterations (250 draws)
        MainTest.Run run = runCancelling(350, true, "fit", "eight-schools", "--seed", "2", "--chains", "2", "--warmup", "100",
                "--draws", "400", "--output", output.toString());
        assertEquals(130, run.exitCode(), run.err());
        assertTrue(run.err().contains("muster: interrupted"), run.err());
        assertTrue(run.out().contains("theta[8]"), run.out());
        JsonNode summary = json(output.resolve("summary.json"));
        int kept = summary.get("draws_per_chain").asInt();
        // Both chains are in sampling with at least 250 draws when the run is cancelled, and the slower one
        // stops after its current iteration; so both are kept (2 x 250 beats a finished chain's 400 alone).
        assertTrue(kept >= 250 && kept < 400, "draws per chain " + kept);
        assertTrue(run.err().contains("the first " + kept + " of 400 draws of chains [1, 2]"), run.err());
        PosteriorDraws read = StanCsv.read(List.of(output.resolve("draws_1.csv"), output.resolve("draws_2.csv")));
        assertEquals(kept, read.draws().iterations());
        List<String> summaryLines = Files.readAllLines(output.resolve("summary.csv"));
        assertTrue(summaryLines.get(1).startsWith("mu,"), summaryLines.get(1));
        double meanOfFiles = java.util.Arrays.stream(read.draws().pooled(read.draws().indexOf("mu"))).average().orElseThrow();
        assertEquals(Double.parseDouble(summaryLines.get(1).split(",")[1]), meanOfFiles, 1e-9 * Math.abs(meanOfFiles));
        MainTest.Run diagnose = MainTest.run("diagnose", output.resolve("draws_1.csv").toString(),
                output.resolve("draws_2.csv").toString());
        assertEquals(0, diagnose.exitCode(), diagnose.err());
        JsonNode record = json(output.resolve("run.json"));
        assertEquals(130, record.get("exit_status").asInt());
        assertTrue(record.get("cancelled").asBoolean());
        assertEquals(kept, record.get("draws_per_chain").asInt());
    }

    @Test
    void aFitInterruptedDuringWarmupSaysSoAndExits130() throws IOException {
        Path output = dir.resolve("out");
        // 30 iterations of the two chains together: neither can be past its 100 warmup iterations
        MainTest.Run run = runCancelling(30, false, "fit", "eight-schools", "--seed", "2", "--chains", "2", "--warmup", "100",
                "--draws", "100", "--output", output.toString());
        assertEquals(130, run.exitCode(), run.err());
        assertTrue(run.err().contains("interrupted with 0 draws per chain, too few to summarize"), run.err());
        assertFalse(Files.exists(output.resolve("summary.csv")));
        try (var files = Files.list(output)) {
            assertEquals(List.of("muster.log", "run.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        JsonNode record = json(output.resolve("run.json"));
        assertEquals(130, record.get("exit_status").asInt());
        assertTrue(record.get("cancelled").asBoolean());
    }

    @Test
    void runJsonRecordsTheCommandTheSeedUsedTheSettingsAndHowItEnded() throws IOException {
        Path output = dir.resolve("out");
        List<String> args = List.of("fit", "gamma-poisson", "--method", "gibbs", "--chains", "2", "--warmup", "50",
                "--draws", "60", "--output", output.toString());
        MainTest.Run run = MainTest.run(args.toArray(new String[0]));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode record = json(output.resolve("run.json"));
        List<String> command = new ArrayList<>();
        record.get("command").forEach(a -> command.add(a.asText()));
        assertEquals(args, command);
        assertFalse(record.get("seed_given").asBoolean());
        assertTrue(run.out().contains("seed " + record.get("seed").asLong() + "\n"), run.out());
        assertEquals(System.getProperty("java.version"), record.get("java").get("version").asText());
        assertEquals("gibbs", record.get("settings").get("method").asText());
        assertEquals(60, record.get("settings").get("draws").asInt());
        assertTrue(record.get("method_settings").isObject(), record.toString());
        assertEquals(0, record.get("exit_status").asInt());
        assertFalse(record.get("cancelled").asBoolean());
        assertTrue(record.get("wall_seconds").asDouble() > 0);
        assertTrue(java.time.Instant.parse(record.get("end_time").asText())
                .isAfter(java.time.Instant.parse(record.get("start_time").asText())));
        assertTrue(run.out().contains("wrote " + output.resolve("run.json")), run.out());
        String log = Files.readString(output.resolve("muster.log"));
        assertTrue(log.contains("DEBUG") && log.contains("gamma-poisson"), log);
    }

    @Test
    void strictExitsWith1WhenTheDiagnosticsWarn() {
        // 100 draws of random-walk Metropolis on eight schools: too few for the ESS thresholds
        String[] warns = {"fit", "eight-schools", "--method", "mh", "--seed", "5", "--warmup", "100", "--draws", "100",
            "--chains", "2"};
        MainTest.Run lenient = MainTest.run(warns);
        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains("Warning: "), lenient.out());
        List<String> strict = new ArrayList<>(List.of(warns));
        strict.add("--strict");
        MainTest.Run run = MainTest.run(strict.toArray(new String[0]));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("--strict: the diagnostics warn"), run.err());
        assertEquals(lenient.out(), run.out());
    }

    @Test
    void strictExitsWith0WhenTheDiagnosticsDoNotWarn() {
        MainTest.Run run = MainTest.run("fit", "beta-binomial", "--data", "rats", "--seed", "1", "--strict");
        assertFalse(run.out().contains("Warning: "), run.out());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void anInternalErrorIsOneLineNamingTheLogFileWhichHoldsTheStackTrace() throws IOException {
        Path output = dir.resolve("out");
        // the fit runs, then an output format (a plugin's) fails with a bug of its own
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        org.muster.app.internal.plugins.PluginFixtures.jar(plugins.resolve("broken-writer.jar"), java.util.Map.of(
                "p.broken.Writer", "package p.broken;\n"
                        + "public final class Writer implements org.muster.app.api.OutputWriter {\n"
                        + "  public java.util.List<java.nio.file.Path> write(java.nio.file.Path d, org.muster.app.api.Outcome o) {\n"
                        + "    throw new IllegalStateException(\"a bug in an output writer\");\n"
                        + "  }\n"
                        + "}\n"), java.util.Map.of("org.muster.app.api.OutputWriter", List.of("p.broken.Writer")),
                java.util.Set.of());
        MainTest.Run run = MainTest.run("--plugins", plugins.toString(), "fit", "eight-schools", "--seed", "1",
                "--chains", "1", "--warmup", "50", "--draws", "50", "--output", output.toString());
        assertEquals(3, run.exitCode(), run.err());
        List<String> lines = run.err().lines().filter(l -> l.startsWith("muster:")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains("internal error") && lines.get(0).contains("(see " + output.resolve("muster.log") + ")"),
                run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        String log = Files.readString(output.resolve("muster.log"));
        assertTrue(log.contains("fit failed") && log.contains("\tat org.muster."), log);
        assertEquals(3, json(output.resolve("run.json")).get("exit_status").asInt());
    }

    @Test
    void noOutputWritesNothingAndCannotBeCombinedWithOutput() throws IOException {
        MainTest.Run both = MainTest.run("fit", "eight-schools", "--output", dir.resolve("x").toString(), "--no-output");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--output DIR or --no-output, not both"), both.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
