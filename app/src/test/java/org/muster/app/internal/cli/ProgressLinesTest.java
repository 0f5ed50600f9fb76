package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.spi.SamplingStart;

/** Progress for a standard error that is not a terminal: one plain line per interval. */
class ProgressLinesTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void oneLinePerIntervalWithThePhaseAndTheIterations() {
        AtomicLong now = new AtomicLong(1_000 * SECOND);
        StringWriter text = new StringWriter();
        ProgressLines lines = new ProgressLines(new PrintWriter(text), now::get, 5 * SECOND);
        lines.onStart(new SamplingStart("nuts", Map.of(), List.of("mu"), List.of("lp__"), 2, 100, 300));
        lines.tick();
        assertEquals("", text.toString(), "nothing before the first interval");
        for (int i = 1; i <= 40; i++) {
            lines.onIteration(0, i, 400, true);
        }
        for (int i = 1; i <= 30; i++) {
            lines.onIteration(1, i, 400, true);
        }
        now.addAndGet(5 * SECOND);
        lines.tick();
        now.addAndGet(2 * SECOND);
        lines.tick();
        for (int i = 41; i <= 150; i++) {
            lines.onIteration(0, i, 400, i <= 100);
        }
        for (int i = 31; i <= 120; i++) {
            lines.onIteration(1, i, 400, i <= 100);
        }
        // a late tick prints one line, not one per interval missed
        now.addAndGet(13 * SECOND);
        lines.tick();
        lines.tick();
        lines.onChainEnd(0, null);
        lines.onChainEnd(1, null);
        now.addAndGet(45 * SECOND);
        lines.tick();
        lines.phase("writing the files");
        now.addAndGet(5 * SECOND);
        lines.tick();
        assertEquals(List.of(
                "muster: 5 s: warmup, 70 of 800 iterations (chain 1 40/400, chain 2 30/400)",
                "muster: 20 s: sampling, 270 of 800 iterations (chain 1 150/400, chain 2 120/400)",
                "muster: 1 min 05 s: summaries",
                "muster: 1 min 10 s: writing the files"), text.toString().lines().toList());
    }

    @Test
    void warmupLastsWhileAnyChainIsInIt() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressLines lines = new ProgressLines(new PrintWriter(text), now::get, SECOND);
        lines.onStart(new SamplingStart("nuts", Map.of(), List.of("mu"), List.of("lp__"), 2, 1, 1));
        lines.onIteration(0, 2, 2, false);
        lines.onIteration(1, 1, 2, true);
        now.addAndGet(SECOND);
        lines.tick();
        assertEquals("muster: 1 s: warmup, 3 of 4 iterations (chain 1 2/2, chain 2 1/2)", text.toString().strip());
    }

    @Test
    void elapsedTimeReadsInSecondsMinutesAndHours() {
        assertEquals("0 s", ProgressLines.elapsed(999_999_999L));
        assertEquals("59 s", ProgressLines.elapsed(59 * SECOND));
        assertEquals("9 min 05 s", ProgressLines.elapsed(545 * SECOND));
        assertEquals("2 h 03 min", ProgressLines.elapsed((2 * 3600 + 3 * 60 + 59) * SECOND));
    }

    @Test
    void theRealMainPrintsLinesWhenStandardErrorIsAFile() throws Exception {
        Path err = dir.resolve("stderr.txt");
        Path out = dir.resolve("stdout.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + ProgressLines.INTERVAL_PROPERTY + "=0.2", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "fit", "eight-schools", "--seed", "3", "--chains", "2", "--warmup", "300",
                "--draws", "40000", "--no-output"));
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(240, TimeUnit.SECONDS), "the fit ran for 240 s");
        assertEquals(0, process.exitValue(), Files.readString(err));
        List<String> progress = Files.readAllLines(err).stream().filter(l -> l.startsWith("muster: ")).toList();
        assertTrue(progress.size() >= 2, Files.readString(err));
        for (String line : progress) {
            assertTrue(line.matches("muster: \\d+ s: ((warmup|sampling), \\d+ of 80600 iterations \\(chain 1 \\d+/40300,"
                    + " chain 2 \\d+/40300\\)|summaries|writing the files)"), line);
        }
        // no bar's carriage returns: a file gets whole lines
        assertTrue(!Files.readString(err).contains("\r"), Files.readString(err));
        assertTrue(Files.readString(out).contains("eight-schools"), Files.readString(out));
    }
}
