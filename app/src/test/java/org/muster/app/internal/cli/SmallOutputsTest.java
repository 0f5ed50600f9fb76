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

/** Small things users read, end to end through {@link Main}: a lone divergence's share, one name per variable. */
class SmallOutputsTest {

    @TempDir
    Path dir;

    @Test
    void oneDivergenceInFourThousandIsNotPrintedAsNone() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        for (int chain = 1; chain <= 2; chain++) {
            StringBuilder csv = new StringBuilder("lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,"
                    + "energy__,mu\n");
            for (int i = 0; i < 2000; i++) {
                int divergent = chain == 2 && i == 700 ? 1 : 0;
                csv.append(-random.nextDouble()).append(",0.9,0.5,2,3,").append(divergent).append(',')
                        .append(1 + random.nextDouble()).append(',').append(random.nextGaussian()).append('\n');
            }
            Files.writeString(dir.resolve("draws_" + chain + ".csv"), csv.toString());
        }
        MainTest.Run run = MainTest.run("diagnose", dir.resolve("draws_1.csv").toString(),
                dir.resolve("draws_2.csv").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Sampler: 1 of 4000 transitions diverged (0.03%);"), run.out());
        assertTrue(run.out().contains("Warning: 1 of 4000 transitions (0.03%) diverged (chain 2: 1)"), run.out());
    }

    @Test
    void emAndNutsNameTheOneGapOfTwoComponentsAlike() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("y\n");
        for (int i = 0; i < 80; i++) {
            csv.append(i % 2 == 0 ? -2 + random.nextGaussian() : 3 + random.nextGaussian()).append('\n');
        }
        Path data = dir.resolve("mixture.csv");
        Files.writeString(data, csv.toString());
        for (String[] method : new String[][] {{"--method", "em"}, {"--method", "nuts"}}) {
            Path output = dir.resolve(method[1]);
            MainTest.Run run = MainTest.run("fit", "gaussian-mixture", "--data", data.toString(), method[0], method[1],
                    "--seed", "4", "--chains", "1", "--warmup", "100", "--draws", "100", "--output", output.toString());
            assertEquals(0, run.exitCode(), run.err());
            List<String> variables = Files.readAllLines(output.resolve("summary.csv")).stream()
                    .map(line -> line.substring(0, line.indexOf(','))).toList();
            assertTrue(variables.contains("mu_gap[1]") && !variables.contains("mu_gap"), method[1] + ": " + variables);
            assertTrue(variables.contains("sigma[2]") && variables.contains("mu_first"), method[1] + ": " + variables);
        }
    }
}
