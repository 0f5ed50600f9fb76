package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every reader a user feeds does with hostile input, end to end through {@link Main}: binary files,
 * files in another encoding, huge lines and cells, long option values. Each gives exit 2 and one short
 * line naming the file and what was found, never a stack trace or a decoder's "Input length = 1".
 */
class InputLimitsTest {

    private static final int SHORT_LINE = 400;

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path;
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The first line of standard error of a run that must fail as an input error, checked for shape. */
    private static String refused(String... args) {
        MainTest.Run run = MainTest.run(args);
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        // picocli's errors are followed by the usage (about 8,000 characters for fit's options; the 100,000 are cut)
        assertTrue(run.err().length() < 25 * SHORT_LINE, run.err().length() + " characters of standard error");
        assertTrue(first.length() < SHORT_LINE, first);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat ") || run.err().contains("Input length"),
                run.err());
        return first;
    }

    @Test
    void devZeroAndBinaryDataAreRecognized() throws IOException {
        assertTrue(refused("fit", "eight-schools", "--data", "/dev/zero")
                .contains("/dev/zero: looks like a binary file (a zero byte at offset 0), not UTF-8 text"));
        Path png = file("schools.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        assertTrue(refused("fit", "eight-schools", "--data", png.toString()).contains("looks like a binary file"));
        Path xlsx = file("schools.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        assertTrue(refused("fit", "eight-schools", "--data", xlsx.toString()).contains("save the sheet as CSV"));
        Path json = file("schools.json", new byte[] {'{', '"', 'y', '"', ':', 0, '}'});
        assertTrue(refused("fit", "eight-schools", "--data", json.toString()).contains("looks like a binary file"));
    }

    @Test
    void otherEncodingsAreNamed() throws IOException {
        Path utf16 = file("utf16.csv", "\uFEFFschool,effect,stderr\nA,28,15\n".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(refused("fit", "eight-schools", "--data", utf16.toString())
                .contains("utf16.csv: is UTF-16 text (it starts with the byte order mark 0xFF 0xFE); save it as UTF-8"));
        Path latin1 = file("latin1.csv", "school,effect,stderr\nA,28,15\nB\u00e9,8,10\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(refused("fit", "eight-schools", "--data", latin1.toString())
                .contains("latin1.csv, line 3: byte 0xE9 at offset 30 is not UTF-8"));
    }

    @Test
    void longLinesAreRefusedAndLongCellsAndNamesAreCut() throws IOException {
        Path longLine = file("line.csv", "school,effect,stderr\nA," + "9".repeat(1_000_001) + ",15\n");
        assertTrue(refused("fit", "eight-schools", "--data", longLine.toString())
                .contains("line.csv, line 2: longer than 1,000,000 characters, the most a line of a data file may have"));
        Path longCell = file("cell.csv", "school,effect,stderr\nA," + "x".repeat(500_000) + ",15\n");
        String cell = refused("fit", "eight-schools", "--data", longCell.toString());
        assertTrue(cell.contains("cell.csv, line 2, column 'effect': 'xxx") && cell.contains("... (500000 characters)'"),
                cell);
        Path longName = file("name.csv", "school," + "e".repeat(300_000) + ",stderr\nA,1,15\n");
        assertTrue(refused("fit", "eight-schools", "--data", longName.toString()).contains("(300000 characters)"));
        Path json = file("long.json", "{\"" + "y".repeat(40_000) + "\": [1, 2], \"sigma\": [1, 1]}");
        assertTrue(refused("fit", "eight-schools", "--data", json.toString()).contains("(40000 characters)"));
    }

    @Test
    void longOptionValuesAreCut() {
        String value = "x".repeat(100_000);
        for (String[] args : new String[][] {{"--chains", value}, {"--method", value}, {"--data", value},
                {"--param", value + "=1"}, {"--prior", value}, {"--map", "y=" + value}, {"--pooling", value}}) {
            String first = refused("fit", "eight-schools", args[0], args[1]);
            assertTrue(first.contains("(100"), first);
        }
        assertTrue(refused("fit", "glmm", "--formula", value).contains("(100000 characters)"));
        assertTrue(refused("fit", value).contains("unknown model family"));
    }

    @Test
    void initialValuesFilesAreCheckedAsDataFilesAre() throws IOException {
        assertTrue(refused("fit", "eight-schools", "--init", "/dev/zero")
                .contains("--init /dev/zero: looks like a binary file"));
        Path deep = file("deep.json", "{\"mu\": " + "[".repeat(5000) + "1" + "]".repeat(5000) + "}");
        assertTrue(refused("fit", "eight-schools", "--init", deep.toString()).contains("--init " + deep + ": not valid JSON"));
        Path text = file("text.json", "{\"mu\": \"" + "z".repeat(100_000) + "\"}");
        assertTrue(refused("fit", "eight-schools", "--init", text.toString()).contains("(100002 characters)"));
        assertTrue(refused("fit", "eight-schools", "--init", dir.resolve("none.json").toString())
                .endsWith("none.json: no such file"));
    }

    @Test
    void stanCsvFilesForDiagnoseAreCheckedToo() throws IOException {
        assertTrue(refused("diagnose", "/dev/zero").contains("/dev/zero: looks like a binary file"));
        Path latin1 = file("draws.csv", "lp__,mu\n-1,0.5\n-2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(refused("diagnose", latin1.toString()).contains("draws.csv, line 3: byte 0xE9"));
        Path cell = file("cell.csv", "lp__,mu\n-1,0.5\n-2," + "7x".repeat(100_000) + "\n");
        assertTrue(refused("diagnose", cell.toString()).contains("(200000 characters)"));
    }
}
