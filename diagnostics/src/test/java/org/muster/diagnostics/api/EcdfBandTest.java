package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simultaneous ECDF band against bayesplot's values (test resources {@code ecdf/}) and by simulation. */
class EcdfBandTest {

    @Test
    void coverageMatchesBayesplotsRecursion() throws IOException {
        List<String[]> rows = read("coverage.csv");
        assertEquals(20, rows.size());
        for (String[] row : rows) {
            int n = Integer.parseInt(row[0]);
            int k = Integer.parseInt(row[1]);
            double gamma = Double.parseDouble(row[2]);
            assertEquals(Double.parseDouble(row[3]), EcdfBand.coverage(n, k, gamma), 1e-10, "n " + n + ", k " + k
                    + ", gamma " + gamma);
        }
    }

    @Test
    void bandMatchesBayesplotWhereItsGammaCoversTheLevel() throws IOException {
        for (String[] row : read("bands.csv")) {
            int n = Integer.parseInt(row[0]);
            int k = Integer.parseInt(row[1]);
            double level = Double.parseDouble(row[2]);
            double theirCoverage = Double.parseDouble(row[4]);
            int[] theirLower = Arrays.stream(row[5].split(" ")).mapToInt(Integer::parseInt).toArray();
            int[] theirUpper = Arrays.stream(row[6].split(" ")).mapToInt(Integer::parseInt).toArray();
            EcdfBand band = EcdfBand.of(n, k, level);
            String label = "n " + n + ", k " + k + ", level " + level;
            assertTrue(band.coverage() >= level, label + ": coverage " + band.coverage());
            assertEquals(band.coverage(), EcdfBand.coverage(n, k, band.gamma()), 1e-15, label);
            // gamma is at the edge of its step (to 1e-13): a little more and the coverage falls below the level
            assertTrue(EcdfBand.coverage(n, k, band.gamma() * (1 + 1e-9)) < level
                    || band.gamma() == 1, label);
            if (theirCoverage >= level) {
                // bayesplot's optimizer stops at some gamma whose coverage is near the level; ours is the largest
                // that covers it, so our band lies inside theirs and covers no more
                assertTrue(band.gamma() >= Double.parseDouble(row[3]) * (1 - 1e-9), label);
                assertTrue(band.coverage() <= theirCoverage + 1e-12, label);
            }
            // either way, where our band differs from bayesplot's it is by the step of one count at most
            for (int i = 0; i < theirLower.length; i++) {
                assertTrue(Math.abs(band.lower()[i] - theirLower[i]) <= 1 && Math.abs(band.upper()[i] - theirUpper[i]) <= 1,
                        label + " at " + i);
            }
        }
    }

    @Test
    void uniformSamplesStayInsideTheBandAsOftenAsItsCoverageSays() {
        int n = 100;
        int k = 50;
        EcdfBand band = EcdfBand.of(n, k, 0.9);
        SplittableRandom random = new SplittableRandom(7);
        int replications = 2000;
        int inside = 0;
        double[] values = new double[n];
        for (int r = 0; r < replications; r++) {
            for (int i = 0; i < n; i++) {
                values[i] = random.nextDouble();
            }
            if (EcdfUniformity.test(values, band).withinBand()) {
                inside++;
            }
        }
        double fraction = (double) inside / replications;
        double standardError = Math.sqrt(band.coverage() * (1 - band.coverage()) / replications);
        assertEquals(band.coverage(), fraction, 4 * standardError, "simulated coverage");
    }

    @Test
    void bandsAreCentralBinomialIntervals() {
        EcdfBand band = EcdfBand.of(50, 20, 0.95);
        assertEquals(19, band.z().length);
        assertEquals(0.05, band.z()[0], 1e-15);
        for (int i = 0; i < band.z().length; i++) {
            double expected = 50 * band.z()[i];
            assertTrue(band.lower()[i] <= expected && expected <= band.upper()[i], "point " + i);
        }
        assertTrue(band.gamma() < 0.05, "gamma below the pointwise level: " + band.gamma());
    }

    static List<String[]> read(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                EcdfBandTest.class.getResourceAsStream("ecdf/" + name), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }
}
