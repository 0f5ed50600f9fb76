package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file with several rows per unit, end to end through {@link Main}: the fit runs on the units' sums,
 * while {@code --predict} still replicates every row of the file and the shrinkage table has one row per unit.
 */
class UnitRowsCommandTest {

    @TempDir
    Path dir;

    @Test
    void predictionsArePerRowOfTheFile() throws IOException {
        StringBuilder csv = new StringBuilder("group,unit,y,n\n");
        String[] labels = {"north", "south", "east", "west"};
        int[][] rows = {{2, 10}, {3, 12}, {1, 9}, {7, 20}, {0, 5}, {4, 11}, {5, 15}, {6, 14}, {2, 8}, {9, 18}};
        for (int r = 0; r < rows.length; r++) {
            int group = r % labels.length;
            csv.append(group + 1).append(',').append(labels[group]).append(',').append(rows[r][0]).append(',')
                    .append(rows[r][1]).append('\n');
        }
        Path data = dir.resolve("sites.csv");
        Files.writeString(data, csv.toString());
        Path output = dir.resolve("out");
        MainTest.Run run = MainTest.run("fit", "beta-binomial", "--data", data.toString(), "--prior", "mean=beta(2, 2)",
                "--prior", "concentration=exponential(0.1)", "--predict", "--seed", "6", "--chains", "1", "--warmup", "200",
                "--draws", "100", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> summary = Files.readAllLines(output.resolve("summary.csv"));
        assertTrue(summary.stream().anyMatch(line -> line.startsWith("y_rep[10],")), summary.toString());
        assertTrue(summary.stream().noneMatch(line -> line.startsWith("y_rep[11],")), summary.toString());
        assertTrue(summary.stream().anyMatch(line -> line.startsWith("theta[4],")), summary.toString());
        assertEquals(1 + labels.length, Files.readAllLines(output.resolve("shrinkage.csv")).size());
    }
}
