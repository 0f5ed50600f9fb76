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

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertEquals(0, help.exitCode());
        for (String command : List.of("fit", "models", "methods")) {
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
    void outputWritesSummaryCsv() throws IOException {
        Path output = dir.resolve("out");
        Run fit = run("fit", "eight-schools", "--seed", "3", "--warmup", "200", "--draws", "200", "--chains", "2",
                "--output", output.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        List<String> lines = Files.readAllLines(output.resolve("summary.csv"));
        assertEquals("variable,mean,sd,q5,q50,q95", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("theta[1],")), lines.toString());
        assertEquals(1 + 18, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(6, cells.length, line);
            for (int i = 1; i < 6; i++) {
                Double.parseDouble(cells[i]);
            }
        }
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

    @Test
    void modelsAndMethodsListThePlugins() {
        Run models = run("models");
        assertEquals(0, models.exitCode());
        assertTrue(models.out().contains("eight-schools") && models.out().contains("column y"), models.out());
        Run methods = run("methods");
        assertTrue(methods.out().contains("mh - "), methods.out());
    }
}
