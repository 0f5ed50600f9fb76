package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with more units than anyone reads: the terminal and the report show each vector's first 1,000
 * members and 1,000 units of the shrinkage table, say how many they left out, and the files keep every row.
 */
class LargeModelOutputTest {

    @TempDir
    Path dir;

    @Test
    void theTerminalAndTheReportAreCutTheFilesAreNot() throws IOException {
        int units = 2500;
        StringBuilder csv = new StringBuilder("unit,y,n\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int j = 1; j <= units; j++) {
            int n = 5 + random.nextInt(20);
            csv.append(j).append(',').append(random.nextInt(n + 1)).append(',').append(n).append('\n');
        }
        Path data = dir.resolve("units.csv");
        Files.writeString(data, csv.toString());
        Path output = dir.resolve("out");
        MainTest.Run run = MainTest.run("fit", "beta-binomial", "--data", data.toString(), "--method", "gibbs",
                "--chains", "1", "--warmup", "20", "--draws", "20", "--seed", "2", "--quiet", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> out = run.out().lines().toList();
        assertTrue(out.contains("theta: 1,500 more members not shown (summary.csv has every row)."), run.out());
        assertTrue(out.contains("... and 1,500 more units not shown (shrinkage.csv has every row)."), run.out());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("theta[1000] ")), run.out());
        assertTrue(out.stream().noneMatch(l -> l.startsWith("theta[1001] ")), run.out());
        assertEquals(units + 1, Files.readAllLines(output.resolve("shrinkage.csv")).size());
        assertTrue(Files.readAllLines(output.resolve("summary.csv")).stream().anyMatch(l -> l.startsWith("theta[2500],")));
        String report = Files.readString(output.resolve("report.html"));
        assertTrue(report.contains("theta: 1,500 more members not shown (summary.csv has every row)."));
        assertTrue(report.contains("1,000 of the 2,500 units are shown"), "shrinkage note");
        assertTrue(!report.contains("<th scope=\"row\">theta[1001]</th>"), "theta[1001] in the summary table");
        assertTrue(report.contains("<th scope=\"row\">theta[1000]</th>"), "theta[1000] in the summary table");
        String json = Files.readString(output.resolve("run.json"));
        for (String phase : List.of("\"load\"", "\"fit\"", "\"summaries\"", "\"writing\"")) {
            assertTrue(json.contains(phase), json);
        }
        assertTrue(json.contains("\"phase_seconds\""), json);
    }
}
