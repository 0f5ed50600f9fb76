package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.Muster;
import org.muster.app.internal.InferenceMethodsModule;
import org.muster.app.internal.ModelFamiliesModule;
import org.muster.app.internal.PipelineModule;
import org.muster.app.internal.run.Interruption;
import org.muster.core.spi.FitListener;
import picocli.CommandLine;

/**
 * {@code muster fit}, {@code muster ladder} and {@code Muster.fit(...)} run one pipeline: the same request
 * gives the same files, byte for byte but for the timings (and run.json and muster.log, which record
 * the run itself), with and without predictive draws, and for a cancelled run.
 */
class OnePipelineTest {

    private static final String[] RUN = {"--seed", "5", "--chains", "2", "--warmup", "150", "--draws", "100"};

    @TempDir
    Path dir;

    @Test
    void theCommandLineTheLadderAndTheJavaFacadeWriteTheSameFiles() throws IOException {
        Path cli = dir.resolve("cli");
        MainTest.Run fit = MainTest.run(args("fit", "eight-schools", "--output", cli.toString()));
        assertEquals(0, fit.exitCode(), fit.err());
        Path java = dir.resolve("java");
        Muster.fit("eight-schools").seed(5).chains(2).warmup(150).draws(100).output(java).run();
        Path ladder = dir.resolve("ladder");
        MainTest.Run climb = MainTest.run(args("ladder", "eight-schools", "--output", ladder.toString()));
        assertEquals(0, climb.exitCode(), climb.err());

        assertSameFiles(cli, java);
        assertSameFiles(cli, ladder.resolve("nuts"));
        assertTrue(Files.exists(ladder.resolve("ladder.csv")) && Files.exists(ladder.resolve("run.json")));
    }

    @Test
    void withPredictiveDrawsToo() throws IOException {
        Path cli = dir.resolve("cli");
        MainTest.Run fit = MainTest.run(args("fit", "beta-binomial", "--data", "rats", "--predict", "--output",
                cli.toString()));
        assertEquals(0, fit.exitCode(), fit.err());
        Path java = dir.resolve("java");
        Muster.fit("beta-binomial").data("rats").seed(5).chains(2).warmup(150).draws(100).predict(true).output(java)
                .run();
        assertSameFiles(cli, java);
        assertTrue(Files.readString(cli.resolve("summary.csv")).contains("y_rep[71]"), "the predictions are there");
    }

    @Test
    void aCancelledRunToo() throws IOException {
        // one thread: chain 1 runs to its end, then chain 2 is cancelled after 200 of its 250 iterations
        Path cli = dir.resolve("cli");
        int code = runWithOneThread(new CancelSecondChain(), args("fit", "eight-schools", "--output", cli.toString()));
        assertEquals(ExitCodes.INTERRUPTED, code);
        Path java = dir.resolve("java");
        FitOutcome outcome = Muster.fit("eight-schools").seed(5).chains(2).warmup(150).draws(100).threads(1)
                .listener(new CancelSecondChain()).output(java).run();
        assertTrue(outcome.draws().cancelled());
        assertEquals(50, outcome.draws().draws().iterations(), "both chains cut to the second's 50 draws");
        assertSameFiles(cli, java);
    }

    /** Cancels once the second chain (0-based 1) has done 200 iterations. */
    static final class CancelSecondChain extends Interruption implements FitListener {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void onIteration(int chain, int iteration, int total, boolean warmup) {
            if (chain == 1 && iteration >= 200) {
                cancelled.set(true);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    private static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(RUN));
        all.add("--quiet");
        return all.toArray(new String[0]);
    }

    private static int runWithOneThread(Interruption interruption, String... args) {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CommandLine commandLine = new CommandLine(MusterCommand.class, new GuiceFactory(Guice.createInjector(
                    new InferenceMethodsModule(), new ModelFamiliesModule(), new PipelineModule(), new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(Interruption.class).toInstance(interruption);
                            bind(ExecutorService.class).toInstance(pool);
                        }
                    })));
            commandLine.setOut(new PrintWriter(new StringWriter(), true));
            commandLine.setErr(new PrintWriter(new StringWriter(), true));
            return commandLine.execute(args);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every file but run.json and muster.log, with the same names and contents but the timings. */
    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names = fileNames(expected);
        assertEquals(names, fileNames(actual), "the files in " + actual);
        for (String name : names) {
            assertEquals(withoutTimings(expected.resolve(name)), withoutTimings(actual.resolve(name)), name);
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals("run.json") && !n.equals("muster.log")).sorted().toList();
        }
    }

    private static String withoutTimings(Path file) throws IOException {
        return Files.readString(file).replaceAll("(\"(warmup|sampling|total)_seconds\" : )[-0-9.eE]+", "$1T")
                .replaceAll("(Elapsed Time: |#\\s+)[0-9.eE-]+ seconds", "$1T seconds");
    }
}
