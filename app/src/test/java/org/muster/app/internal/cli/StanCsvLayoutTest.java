package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draws files {@code muster fit} writes, end to end through {@link Main}: columns CmdStan readers
 * take (rstan reads them: {@code bench/rstan-reads.sh}), the brms names kept in the summary and given
 * back by {@code muster diagnose}, and ADVI's file in CmdStan's variational layout.
 */
class StanCsvLayoutTest {

    @TempDir
    Path dir;

    private static String headerRow(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("lp__")).findFirst().orElseThrow();
    }

    private static void ok(MainTest.Run run) {
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void labelledMembersGetCmdStanColumnsAndTheirBrmsNamesBack() throws IOException {
        StringBuilder csv = new StringBuilder("y,x,county\n");
        SplittableRandom random = new SplittableRandom(8);
        List<String> counties = List.of("AITKIN", "ANOKA", "BECKER", "BELTRAMI");
        for (int i = 0; i < 200; i++) {
            int county = i % counties.size();
            double x = i % 3;
            csv.append(1 + 0.3 * county - 0.5 * x + 0.4 * random.nextGaussian()).append(',').append(x).append(',')
                    .append(counties.get(county)).append('\n');
        }
        Path data = dir.resolve("houses.csv");
        Files.writeString(data, csv.toString());
        Path output = dir.resolve("glmm");
        ok(MainTest.run("fit", "glmm", "--data", data.toString(), "--formula", "y ~ x + (1 + x | county)", "--seed", "5",
                "--chains", "2", "--warmup", "150", "--draws", "100", "--output", output.toString()));

        Path draws = output.resolve("draws_1.csv");
        String header = headerRow(draws);
        assertFalse(header.contains("\""), header);
        assertTrue(header.contains(",r_county.1.1,r_county.2.1,r_county.3.1,r_county.4.1,r_county.1.2,"), header);
        String text = Files.readString(draws);
        assertTrue(text.contains("#   variable_names\n#     r_county.1.1 = r_county[AITKIN,Intercept]\n"), text);
        assertTrue(text.contains("#     r_county.4.2 = r_county[BELTRAMI,x]\n"), text);
        String summary = Files.readString(output.resolve("summary.csv"));
        assertTrue(summary.contains("\n\"r_county[BELTRAMI,x]\","), summary);

        Path diagnosed = dir.resolve("diagnosed");
        MainTest.Run diagnose = MainTest.run("diagnose", draws.toString(), output.resolve("draws_2.csv").toString(),
                "--output", diagnosed.toString());
        ok(diagnose);
        assertTrue(diagnose.out().contains("r_county[BELTRAMI,x]"), diagnose.out());
        assertEquals(summary, Files.readString(diagnosed.resolve("summary.csv")));
    }

    @Test
    void adviWritesCmdStansVariationalLayout() throws IOException {
        Path output = dir.resolve("advi");
        ok(MainTest.run("fit", "eight-schools", "--method", "advi", "--seed", "3", "--draws", "300", "--output",
                output.toString()));
        List<String> lines = Files.readAllLines(output.resolve("draws_1.csv"));
        assertEquals("# method = variational", lines.get(1));
        assertTrue(lines.contains("#     algorithm = meanfield"), lines.toString());
        assertTrue(lines.contains("#     output_samples = 300"), lines.toString());
        assertFalse(lines.stream().anyMatch(line -> line.contains("num_warmup") || line.contains("method = sample")),
                lines.toString());
        int header = lines.indexOf(headerRow(output.resolve("draws_1.csv")));
        assertTrue(lines.get(header).startsWith("lp__,log_p__,log_g__,mu,tau,z.1,"), lines.get(header));
        assertEquals("# Stepsize adaptation complete.", lines.get(header + 1));
        assertTrue(lines.get(header + 2).startsWith("# eta = "), lines.get(header + 2));
        String[] mean = lines.get(header + 3).split(",");
        assertEquals(List.of("0", "0", "0"), List.of(mean[0], mean[1], mean[2]));
        double tau = Double.parseDouble(mean[4]);
        assertTrue(tau > 0, "the mean row holds constrained values: tau = " + tau);
        assertEquals(header + 4 + 300, lines.size(), "the mean row and 300 draws, no footer");

        Path diagnosed = dir.resolve("diagnosed");
        MainTest.Run diagnose = MainTest.run("diagnose", output.resolve("draws_1.csv").toString(), "--output",
                diagnosed.toString());
        ok(diagnose);
        assertTrue(diagnose.out().startsWith("1 chain x 300 draws, 18 variables (advi)"), diagnose.out());
        assertEquals(Files.readString(output.resolve("summary.csv")), Files.readString(diagnosed.resolve("summary.csv")));
    }
}
