package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the user has is lost or mixed: {@code --output} refuses a folder holding files Muster did not
 * write in this run, {@code --overwrite} removes only an earlier run's own files, a folder in use is
 * refused, and every check that can fail runs before a folder is created.
 */
class OutputFolderCommandTest {

    private static final String[] SHORT = {"--seed", "3", "--chains", "2", "--warmup", "100", "--draws", "100", "--quiet"};

    @TempDir
    Path dir;

    private static MainTest.Run fit(String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", "eight-schools"));
        args.addAll(List.of(SHORT));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(new String[0]));
    }

    private static String firstLine(MainTest.Run run) {
        return run.err().lines().findFirst().orElse("");
    }

    @Test
    void aFolderHoldingTheUsersFilesIsRefusedAndLeftAlone() throws IOException {
        Path output = Files.createDirectories(dir.resolve("results"));
        Path notes = Files.writeString(output.resolve("notes.txt"), "my notes");
        for (String[] extra : List.of(new String[0], new String[] {"--overwrite"})) {
            List<String> args = new ArrayList<>(List.of("--output", output.toString()));
            args.addAll(List.of(extra));
            MainTest.Run run = fit(args.toArray(new String[0]));
            assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), run.err());
            assertEquals("muster: --output " + output + ": the folder holds files Muster did not write (notes.txt);"
                    + " give a new or empty folder", firstLine(run));
            assertEquals("my notes", Files.readString(notes));
            assertEquals(List.of("notes.txt"), names(output), "nothing written, nothing removed");
        }
    }

    @Test
    void anEarlierRunIsReplacedOnlyWithOverwriteAndNothingOfItStays() throws IOException {
        Path output = dir.resolve("run");
        MainTest.Run first = MainTest.run("fit", "eight-schools", "--seed", "3", "--chains", "3", "--warmup", "100",
                "--draws", "100", "--quiet", "--output", output.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.exists(output.resolve("draws_3.csv")));
        JsonNode record = new ObjectMapper().readTree(output.resolve("run.json").toFile());
        assertTrue(record.get("files").toString().contains("draws_3.csv"), "run.json lists its files: " + record);

        MainTest.Run refused = fit("--output", output.toString());
        assertEquals(ExitCodes.INPUT_ERROR, refused.exitCode());
        assertEquals("muster: --output " + output + ": the folder holds an earlier Muster run's files; give --overwrite"
                + " to replace them, or a new folder", firstLine(refused));

        MainTest.Run second = fit("--output", output.toString(), "--overwrite");
        assertEquals(0, second.exitCode(), second.err());
        assertFalse(Files.exists(output.resolve("draws_3.csv")), "the earlier run's third chain is gone");
        assertFalse(Files.exists(output.resolve(".muster.lock")), "the lock is released");
        MainTest.Run diagnose = MainTest.run("diagnose", output.resolve("draws_1.csv").toString(),
                output.resolve("draws_2.csv").toString());
        assertEquals(0, diagnose.exitCode(), diagnose.err());
    }

    @Test
    void overwriteRemovesNothingWhenTheUsersFilesAreMixedIn() throws IOException {
        Path output = dir.resolve("run");
        assertEquals(0, fit("--output", output.toString()).exitCode());
        Files.writeString(output.resolve("plot.png"), "not Muster's");
        List<String> before = names(output);
        MainTest.Run run = fit("--output", output.toString(), "--overwrite");
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(firstLine(run).contains("holds files Muster did not write (plot.png)"), run.err());
        assertEquals(before, names(output));
    }

    @Test
    void aFolderInUseByAnotherRunIsRefusedAndALockLeftByAKilledRunIsTakenOver() throws IOException {
        Path output = Files.createDirectories(dir.resolve("busy"));
        // this test's own process is alive: a run holding the folder
        Files.writeString(output.resolve(".muster.lock"), Long.toString(ProcessHandle.current().pid()));
        MainTest.Run busy = fit("--output", output.toString());
        assertEquals(ExitCodes.INPUT_ERROR, busy.exitCode());
        assertEquals("muster: --output " + output + ": the folder is in use by another Muster run (process "
                + ProcessHandle.current().pid() + " holds .muster.lock); wait for it to end or choose another folder",
                firstLine(busy));
        assertEquals(List.of(".muster.lock"), names(output), "nothing written into a folder in use");

        Process dead = new ProcessBuilder("true").start();
        try {
            dead.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.writeString(output.resolve(".muster.lock"), Long.toString(dead.pid()));
        MainTest.Run run = fit("--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(output.resolve(".muster.lock")));
    }

    @Test
    void aRegularFileOrAFolderThatCannotBeCreatedIsAnInputErrorBeforeFitting() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.csv"), "a,b\n");
        MainTest.Run run = fit("--output", file.toString());
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertEquals("muster: --output " + file + ": is a file, not a folder; give a new or empty folder", firstLine(run));
        assertEquals("a,b\n", Files.readString(file));

        assumeTrue(Files.isDirectory(Path.of("/sys")), "needs a read-only file system at /sys");
        MainTest.Run readOnly = fit("--output", "/sys/muster-test-output");
        assertEquals(ExitCodes.INPUT_ERROR, readOnly.exitCode(), readOnly.err());
        assertTrue(firstLine(readOnly).startsWith("muster: --output /sys/muster-test-output: cannot create the folder: "),
                readOnly.err());
        assertFalse(readOnly.err().contains("Exception"), readOnly.err());
    }

    @Test
    void badOptionsAndInitialValuesAreRefusedBeforeAnyFolderIsCreated() throws IOException {
        Path init = Files.writeString(dir.resolve("init.json"), "{\"tau\": -1}");
        List<String[]> bad = List.of(new String[] {"--adapt-delta", "1.5"}, new String[] {"--max-depth", "0"},
                new String[] {"--metric", "foo"}, new String[] {"--init", init.toString()},
                new String[] {"--method", "nuts", "--method-param", "stepsize=-1"});
        for (String[] extra : bad) {
            Path output = dir.resolve("never");
            List<String> args = new ArrayList<>(List.of(extra));
            args.addAll(List.of("--output", output.toString()));
            MainTest.Run run = fit(args.toArray(new String[0]));
            assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), String.join(" ", extra) + ": " + run.err());
            assertFalse(Files.exists(output), String.join(" ", extra) + " created the folder: " + run.err());
        }
        MainTest.Run run = fit("--init", init.toString(), "--no-output");
        assertEquals("muster: --init " + init + ": the initial value of 'tau', -1, is outside the parameter's support"
                + " (lower(0))", firstLine(run));
        // members count from 1, as the names in the summary do
        StringBuilder rates = new StringBuilder("{\"lambda\": [");
        for (int j = 1; j <= 60; j++) {
            rates.append(j == 1 ? "" : ", ").append(j == 3 ? "-2.5" : "1");
        }
        Path vector = Files.writeString(dir.resolve("rates.json"), rates.append("]}"));
        MainTest.Run member = MainTest.run("fit", "gamma-poisson", "--init", vector.toString(), "--no-output");
        assertEquals("muster: --init " + vector + ": the initial value of 'lambda' member 3, -2.5, is outside the"
                + " parameter's support (lower(0))", firstLine(member));
        Path sizes = Files.writeString(dir.resolve("sizes.json"), "{\"lambda\": [1, 2]}");
        MainTest.Run size = MainTest.run("fit", "gamma-poisson", "--init", sizes.toString(), "--no-output");
        assertEquals("muster: --init " + sizes + ": 'lambda' has 60 members but the initial value has 2", firstLine(size));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
