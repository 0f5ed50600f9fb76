package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV files people have, end to end through {@link Main}: comment lines, semicolons with decimal
 * commas, a spreadsheet's byte order mark, CRLF and quoted labels all fit the same as a plain file.
 */
class CsvDialectsTest {

    private static final String[] SHORT = {"--seed", "3", "--chains", "1", "--warmup", "100", "--draws", "100"};

    @TempDir
    Path dir;

    private MainTest.Run fit(Path data) {
        String[] args = new String[4 + SHORT.length];
        args[0] = "fit";
        args[1] = "eight-schools";
        args[2] = "--data";
        args[3] = data.toString();
        System.arraycopy(SHORT, 0, args, 4, SHORT.length);
        return MainTest.run(args);
    }

    /** The summary table of a run, without the line that names the data file. */
    private static String table(MainTest.Run run) {
        assertEquals(0, run.exitCode(), run.err());
        return run.out().substring(run.out().indexOf("variable "));
    }

    @Test
    void everyDialectFitsAsThePlainFileDoes() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, "school,effect,stderr\nA,28,15\nB,8,10\nC,-3,16\nD,7,11\nE,-1,9\nF,1,11\nG,18,10\n"
                + "H,12,18\n");
        String expected = table(fit(plain));

        Path commented = dir.resolve("commented.csv");
        Files.writeString(commented, "# Rubin (1981), eight schools\n# effect and stderr in points\n"
                + Files.readString(plain).replace("D,7,11\n", "D,7,11\n# the rest\n"));
        assertEquals(expected, table(fit(commented)));

        Path semicolons = dir.resolve("semicolons.csv");
        Files.writeString(semicolons, "school;effect;stderr\nA;28,0;15\nB;8;10\nC;-3;16\nD;7;11\nE;-1;9\nF;1;11\n"
                + "G;18;10\nH;12;18,0\n");
        assertEquals(expected, table(fit(semicolons)));

        Path excel = dir.resolve("excel.csv");
        Files.write(excel, ("\uFEFF\"school\",\"effect\",\"stderr\"\r\n" + Files.readString(plain).lines().skip(1)
                .map(line -> "\"" + line.replaceFirst(",", "\",")).reduce("", (a, b) -> a + b + "\r\n"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, table(fit(excel)));
    }

    @Test
    void aFileWhoseRowsAndHeaderDisagreeSaysWhatItFound() throws IOException {
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, "school,effect,stderr\nA;28;15\nB;8;10\n");
        MainTest.Run run = fit(mixed);
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(run.err().contains("mixed.csv, line 2: 1 cell but the header (line 1) has 3 columns [school, effect,"
                + " stderr]; the row seems separated by ';', the header by ','"), run.err());
    }
}
