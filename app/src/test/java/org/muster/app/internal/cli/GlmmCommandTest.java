package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code muster fit glmm}: --formula, --family, --offset, --show-priors on the command line. */
class GlmmCommandTest {

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
}
