package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster ladder}: every rung side by side on rats, eight schools and gamma-Poisson. */
class LadderCommandTest {

    private static final String[] SHORT_NUTS = {"--seed", "5", "--chains", "2", "--warmup", "200", "--draws", "200"};

    @TempDir
    Path dir;

    private static MainTest.Run ladder(String... arguments) {
        String[] all = new String[arguments.length + SHORT_NUTS.length + 1];
        all[0] = "ladder";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        System.arraycopy(SHORT_NUTS, 0, all, 1 + arguments.length, SHORT_NUTS.length);
        return MainTest.run(all);
    }

    private static double cell(String line, int column) {
        String[] cells = line.trim().split(" +");
        return Double.parseDouble(cells[column]);
    }

    @Test
    void ratsShowsEveryRungAndTheAskedUnit() throws IOException {
        Path output = dir.resolve("rats");
        MainTest.Run run = ladder("beta-binomial", "--data", "rats", "--unit", "40", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        String header = run.out().lines().filter(l -> l.startsWith(" ") && l.contains("no pooling")).findFirst().orElseThrow();
        for (String rung : List.of("no pooling", "complete", "moments", "MAP", "type-II ML", "MAP-II", "full Bayes",
                "collapsed")) {
            assertTrue(header.contains(rung), header);
        }
        String unit71 = run.out().lines().filter(l -> l.startsWith("theta[71]")).findFirst().orElseThrow();
        // no pooling 4/14, complete pooling, moments, MAP "—" (no interior mode), eb, map2, nuts
        assertEquals(4.0 / 14, cell(unit71, 1), 1e-4);
        assertEquals(0.2244, cell(unit71, 3), 1e-4);
        assertTrue(unit71.contains("—"), unit71);
        assertEquals(0.2082, cell(unit71, 5), 1e-4);
        assertEquals(0.21, cell(unit71, 7), 0.01);
        assertEquals(0.21, cell(unit71, 8), 0.01);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("theta[40]")), run.out());
        assertFalse(run.out().lines().anyMatch(l -> l.startsWith("theta[41]")), run.out());
        assertTrue(run.out().contains("[1] MAP: no posterior mode in the interior"), run.out());
        List<String> csv = Files.readAllLines(output.resolve("ladder.csv"));
        assertEquals("variable,unit,no_pooling,complete_pooling,moments,map,eb,map2,nuts,collapsed", csv.get(0));
        assertEquals(1 + 4 + 71, csv.size());
        String alpha = csv.stream().filter(l -> l.startsWith("alpha,")).findFirst().orElseThrow();
        assertTrue(alpha.matches("alpha,,,,1\\.37\\d*,,2\\.34\\d*,2\\.00\\d*,2\\.\\d*,2\\.\\d*"), alpha);
    }

    @Test
    void eightSchoolsFootnotesTheBoundary() {
        MainTest.Run run = ladder("eight-schools");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("moments"), run.out());
        String tau = run.out().lines().filter(l -> l.startsWith("tau")).findFirst().orElseThrow();
        assertTrue(tau.matches("tau +— +0\\.000 +0\\.000 +\\d+\\.\\d+ +\\d+\\.\\d+"), tau);
        assertEquals(8, run.out().lines().filter(l -> l.startsWith("theta[")).count(), run.out());
        assertTrue(run.out().contains("[2] type-II ML: the marginal likelihood is largest on the boundary, at tau = 0"),
                run.out());
    }

    @Test
    void gammaPoissonPoolsEachRateTowardTheMean() {
        MainTest.Run run = ladder("gamma-poisson");
        assertEquals(0, run.exitCode(), run.err());
        String first = run.out().lines().filter(l -> l.startsWith("lambda[1] ")).findFirst().orElseThrow();
        double raw = cell(first, 1);
        double pooled = cell(first, 2);
        double eb = cell(first, 4);
        assertTrue(Math.abs(eb - pooled) < Math.abs(raw - pooled) && (eb - pooled) * (raw - pooled) > 0, first);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("lambda[60]")), run.out());
    }

    @Test
    void aModelWithoutUnitsOrAPoolingOptionIsAUsageError() {
        MainTest.Run funnel = ladder("neal-funnel");
        assertEquals(2, funnel.exitCode(), funnel.out());
        assertTrue(funnel.err().contains("no units"), funnel.err());
        MainTest.Run pooled = ladder("beta-binomial", "--pooling", "complete");
        assertEquals(2, pooled.exitCode(), pooled.out());
        assertTrue(pooled.err().contains("leave --pooling out"), pooled.err());
        MainTest.Run unit = ladder("beta-binomial", "--unit", "99");
        assertEquals(2, unit.exitCode(), unit.out());
        assertTrue(unit.err().contains("--unit 99"), unit.err());
    }
}
