package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster fit glmm}: --formula, --family, --offset, --show-priors on the command line. */
class GlmmCommandTest {

    @TempDir
    Path dir;

    @Test
    void showPriorsPrintsTheTableAndFitsNothing() {
        MainTest.Run run = MainTest.run("fit", "glmm", "--data", "radon", "--formula",
                "log_radon ~ floor + (1 + floor | county)", "--prior", "b_floor=normal(0, 1)", "--show-priors");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("sd_county__Intercept +student_t\\(3, 0, 2\\.5\\) +default")),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("b_floor +normal\\(0, 1\\) +user")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("cor_county +lkj\\(1\\) +default")), run.out());
        assertTrue(!run.out().contains("Summary") && !run.out().contains("R-hat"), run.out());
    }

    @Test
    void aFormulaErrorPointsAtTheCharacter() {
        MainTest.Run run = MainTest.run("fit", "glmm", "--data", "radon", "--formula", "log_radon ~ floor + (1 + floor | )",
                "--no-output");
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("expected a grouping factor at character 34"), run.err());
        assertTrue(run.err().contains("  log_radon ~ floor + (1 + floor | )"), run.err());
        assertTrue(!run.err().contains("Exception"), run.err());
    }

    @Test
    void fitsTheRadonModelFromItsFormula() {
        MainTest.Run run = MainTest.run("fit", "glmm", "--data", "radon", "--formula",
                "log_radon ~ floor + (1 + floor | county)", "--family", "gaussian", "--seed", "2", "--chains", "2",
                "--warmup", "200", "--draws", "100", "--no-output");
        assertTrue(run.exitCode() == 0 || run.exitCode() == ExitCodes.DIAGNOSTIC_WARNINGS, run.err());
        for (String name : new String[] {"b_Intercept", "b_floor", "sd_county__Intercept", "cor_county__Intercept__floor",
                "sigma", "r_county[1,Intercept]"}) {
            assertTrue(run.out().contains(name), name + " missing in " + run.out());
        }
    }

    @Test
    void theInteractionNameShowPriorsPrintsIsTheOneThePriorTakes() {
        MainTest.Run run = MainTest.run("fit", "glmm", "--data", "radon", "--formula",
                "log_radon ~ floor*log_uppm + (1 + floor:log_uppm | county)", "--prior", "b_floor:log_uppm=normal(0, 1)",
                "--prior", "sd_county__floor:log_uppm=normal(0, 0.5)", "--show-priors");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("b_floor:log_uppm +normal\\(0, 1\\) +user")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("sd_county__floor:log_uppm +normal\\(0, 0\\.5\\) +user")),
                run.out());
        MainTest.Run dotted = MainTest.run("fit", "glmm", "--data", "radon", "--formula", "log_radon ~ floor*log_uppm",
                "--prior", "b_floor.log_uppm=normal(0, 1)", "--show-priors");
        assertEquals(ExitCodes.INPUT_ERROR, dotted.exitCode(), dotted.err());
        assertTrue(dotted.err().contains("b_floor.log_uppm") && !dotted.err().contains("Exception"), dotted.err());
    }

    @Test
    void pointEstimatesNameTheGroupEffectsAsTheDrawsDo() throws IOException {
        Path fit = dir.resolve("map");
        MainTest.Run run = MainTest.run("fit", "glmm", "--data", "radon", "--method", "map", "--seed", "3",
                "--output", fit.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("r_county[1,Intercept]") && run.out().contains("r_county[85,floor]"), run.out());
        assertTrue(!run.out().contains("r_county__Intercept["), run.out());
        List<String> rows = Files.readAllLines(fit.resolve("summary.csv"));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("\"r_county[85,floor]\",")), rows.toString());
        assertTrue(Files.readString(fit.resolve("summary.json")).contains("\"variable\" : \"r_county[1,Intercept]\""));
    }

    @Test
    void interactionNamesSurviveTheStanCsvAndDiagnoseWithoutAWarningForTheFixedCholeskyEntries() throws IOException {
        Path fit = dir.resolve("fit");
        MainTest.Run run = MainTest.run("fit", "glmm", "--data", "radon", "--formula",
                "log_radon ~ floor + (1 + floor:log_uppm | county)", "--seed", "4", "--chains", "2", "--warmup", "150",
                "--draws", "60", "--output", fit.toString());
        assertTrue(run.exitCode() == 0 || run.exitCode() == ExitCodes.DIAGNOSTIC_WARNINGS, run.err());
        assertTrue(!run.out().contains("undefined") && !run.err().contains("undefined"), run.out());
        String header = Files.readAllLines(fit.resolve("draws_1.csv")).stream().filter(l -> l.startsWith("lp__"))
                .findFirst().orElseThrow();
        // the file's columns are CmdStan's names (issue 17: rstan's reader refused quoted brms names); its
        // variable_names comments map them back, as the diagnose below shows
        assertTrue(header.contains(",sd_county__floor_log_uppm,") && header.contains(",r_county.1.2,"), header);
        String text = Files.readString(fit.resolve("draws_1.csv"));
        assertTrue(text.contains("r_county.1.2 = r_county[1,floor:log_uppm]"), "the name map");
        Path again = dir.resolve("diagnose");
        MainTest.Run diagnose = MainTest.run("diagnose", fit.resolve("draws_1.csv").toString(),
                fit.resolve("draws_2.csv").toString(), "--output", again.toString());
        assertTrue(diagnose.exitCode() == 0 || diagnose.exitCode() == ExitCodes.DIAGNOSTIC_WARNINGS, diagnose.err());
        List<String> fitted = Files.readAllLines(fit.resolve("summary.csv"));
        List<String> read = Files.readAllLines(again.resolve("summary.csv"));
        for (String variable : List.of("sd_county__floor:log_uppm", "cor_county__Intercept__floor:log_uppm",
                "\"r_county[85,floor:log_uppm]\"", "L_1[1]")) {
            String row = fitted.stream().filter(l -> l.startsWith(variable + ",")).findFirst().orElseThrow(
                    () -> new AssertionError(variable + " not in " + fitted));
            assertEquals(row, read.stream().filter(l -> l.startsWith(variable + ",")).findFirst().orElse("missing"));
        }
        assertTrue(!diagnose.out().contains("undefined"), diagnose.out());

        // the varying intercepts' shrinkage: one row per county, with its mean response and its size
        List<String> shrinkage = Files.readAllLines(fit.resolve("shrinkage.csv"));
        assertEquals("unit,variable,raw,mean,q5,q95,population_mean,shrinkage,n", shrinkage.get(0));
        assertEquals(1 + 85, shrinkage.size());
        org.muster.models.api.Dataset radon = org.muster.models.api.DatasetReader.builtIn("radon");
        int[] county = radon.integer("county");
        double[] y = radon.real("log_radon");
        double[] floor = radon.real("floor");
        // raw: county 1's mean of y - slope * floor, the least-squares slope over all houses
        double meanFloor = java.util.Arrays.stream(floor).average().orElseThrow();
        double meanY = java.util.Arrays.stream(y).average().orElseThrow();
        double products = 0;
        double squares = 0;
        for (int r = 0; r < y.length; r++) {
            products += (floor[r] - meanFloor) * (y[r] - meanY);
            squares += (floor[r] - meanFloor) * (floor[r] - meanFloor);
        }
        double sum = 0;
        int count = 0;
        for (int r = 0; r < y.length; r++) {
            if (county[r] == 1) {
                sum += y[r] - products / squares * floor[r];
                count++;
            }
        }
        String prefix = "1,\"b_Intercept + r_county[1,Intercept]\",";
        assertTrue(shrinkage.get(1).startsWith(prefix), shrinkage.get(1));
        double raw = Double.parseDouble(shrinkage.get(1).substring(prefix.length()).split(",")[0]);
        assertEquals(sum / count, raw, 1e-10, shrinkage.get(1));
        assertTrue(shrinkage.get(1).endsWith("," + count), shrinkage.get(1));
        int observations = shrinkage.stream().skip(1).mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(',') + 1)))
                .sum();
        assertEquals(radon.rowCount(), observations);
        assertTrue(run.out().contains("Shrinkage toward the population mean (b_Intercept = "), run.out());
    }
}
