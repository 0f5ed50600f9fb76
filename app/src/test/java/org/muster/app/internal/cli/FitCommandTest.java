package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model-shaping options of {@code muster fit}: --map, --prior, --pooling, --predict, and the shrinkage output. */
class FitCommandTest {

    @TempDir
    Path dir;

    private static final String[] SHORT = {"--seed", "4", "--chains", "2", "--warmup", "150", "--draws", "100"};

    private static MainTest.Run fit(String... arguments) {
        List<String> all = new ArrayList<>(List.of("fit"));
        all.addAll(Arrays.asList(arguments));
        all.addAll(Arrays.asList(SHORT));
        return MainTest.run(all.toArray(new String[0]));
    }

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    @Test
    void printsAndWritesTheShrinkageTable() throws IOException {
        Path output = dir.resolve("out");
        MainTest.Run run = fit("beta-binomial", "--data", "baseball", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("beta-binomial on built-in 'baseball'"), run.out());
        assertTrue(run.out().contains("Shrinkage toward the population mean (mean = "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Clemente +theta\\[1] +0\\.400 .*")), run.out());
        List<String> lines = Files.readAllLines(output.resolve("shrinkage.csv"));
        assertEquals("unit,variable,raw,mean,q5,q95,population_mean,shrinkage", lines.get(0));
        assertEquals(19, lines.size());
        String[] clemente = lines.get(1).split(",");
        assertEquals("Clemente", clemente[0]);
        assertEquals(0.4, Double.parseDouble(clemente[2]), 1e-15);
        double shrinkage = Double.parseDouble(clemente[7]);
        assertTrue(shrinkage > 0 && shrinkage < 1, lines.get(1));
        assertTrue(run.out().contains("wrote " + output.resolve("shrinkage.csv")), run.out());
    }

    @Test
    void mapsColumnsSetsPriorsAndChoosesThePooling() throws IOException {
        Path data = file("tumors.csv", "lab,tumours,animals\nA,2,20\nB,5,18\nC,0,15\n");
        MainTest.Run mapped = fit("beta-binomial", "--data", data.toString(), "--map", "y=tumours,n=animals",
                "--map", "unit=lab", "--prior", "mean=beta(2, 10)", "--prior", "concentration=exponential(0.1)");
        assertEquals(0, mapped.exitCode(), mapped.err());
        assertTrue(mapped.out().lines().anyMatch(l -> l.matches("B +theta\\[2] +0\\.278 .*")), mapped.out());
        MainTest.Run complete = fit("beta-binomial", "--data", data.toString(), "--map", "y=tumours,n=animals,skip=lab",
                "--pooling", "complete");
        assertEquals(0, complete.exitCode(), complete.err());
        assertFalse(complete.out().contains("concentration"), complete.out());
        MainTest.Run none = fit("gamma-poisson", "--pooling", "none");
        assertEquals(0, none.exitCode(), none.err());
        assertTrue(none.out().contains("Unit estimates (no population to shrink toward)"), none.out());
        MainTest.Run centered = fit("normal-hierarchical", "--param", "parameterization=centered", "--prior",
                "tau=normal(0, 10)");
        assertEquals(0, centered.exitCode(), centered.err());
        assertFalse(centered.out().contains("z[1]"), centered.out());
    }

    @Test
    void predictAddsReplicatedDataAndANewUnit() {
        MainTest.Run run = fit("eight-schools", "--predict");
        assertEquals(0, run.exitCode(), run.err());
        for (String variable : List.of("y_rep[1] ", "y_rep[8] ", "theta_new ", "y_new ")) {
            assertTrue(run.out().contains("\n" + variable), variable + " in " + run.out());
        }
        MainTest.Run without = fit("eight-schools");
        assertFalse(without.out().contains("y_rep"), without.out());
    }

    @Test
    void familiesWithoutBuiltInDataOrWithoutDataAreFitted() throws IOException {
        StringBuilder values = new StringBuilder("height\n");
        for (int i = 0; i < 40; i++) {
            values.append(i % 3 == 0 ? -2 + 0.01 * i : 3 + 0.02 * i).append('\n');
        }
        MainTest.Run mixture = fit("gaussian-mixture", "--data", file("heights.csv", values.toString()).toString(),
                "--param", "components=2");
        assertEquals(0, mixture.exitCode(), mixture.err());
        assertTrue(mixture.out().contains("mu[2] "), mixture.out());
        MainTest.Run funnel = fit("neal-funnel", "--param", "dimension=3");
        assertEquals(0, funnel.exitCode(), funnel.err());
        assertTrue(funnel.out().contains("neal-funnel on no data") && funnel.out().contains("x[2] "), funnel.out());
        MainTest.Run noData = fit("gaussian-mixture");
        assertEquals(2, noData.exitCode());
        assertTrue(noData.err().contains("has no built-in data; give --data FILE with columns [y]"), noData.err());
        MainTest.Run withData = fit("neal-funnel", "--data", "rats");
        assertEquals(2, withData.exitCode());
        assertTrue(withData.err().contains("takes no data"), withData.err());
    }

    /** Bad data and bad options exit with 2 and a message, and nothing is fitted or written. */
    @Test
    void badInputIsReportedAndNothingIsFitted() throws IOException {
        Path output = dir.resolve("never");
        String[][] cases = {
            {"beta-binomial", "--data", file("above.csv", "y,n\n3,2\n").toString()},
            {"beta-binomial", "--data", file("ragged.csv", "y,n\n3,4\n1\n").toString()},
            {"gamma-poisson", "--data", file("exposure.csv", "n,e\n3,-1\n").toString()},
            {"normal-hierarchical", "--data", file("nan.json", "{\"y\": [1, NaN], \"sigma\": [1, 2]}").toString()},
            {"beta-binomial", "--data", file("extra.csv", "y,n,notes\n1,4,x\n").toString()},
            {"beta-binomial", "--map", "y=nope"},
            {"beta-binomial", "--map", "y"},
            {"normal-hierarchical", "--prior", "tau=halfcauchy(0,5)"},
            {"normal-hierarchical", "--prior", "tau=half_cauchy(0,-5)"},
            {"normal-hierarchical", "--prior", "tau=normal(0,1,2)"},
            {"normal-hierarchical", "--prior", "sigma=normal(0,1)"},
            {"logit-normal", "--pooling", "none"},
            {"beta-binomial", "--pooling", "some"},
        };
        String[] expected = {
            "above.csv, line 2: y = 3 (column 'y') is more than n = 2",
            "ragged.csv, line 3: 1 cell but the header (line 1) has 2 columns",
            "exposure.csv, line 2, column 'e': '-1' is not a positive number",
            "nan.json, entry 2, variable 'y': 'NaN' is not a finite number",
            "extra.csv: column 'notes' is not read by model beta-binomial",
            "no column 'nope' (mapped to y by --map)",
            "--map 'y': 'y' is not NAME=COLUMN",
            "unknown distribution 'halfcauchy' (did you mean half_cauchy?)",
            "sigma must be positive, got -5",
            "normal takes 2 arguments (mu, sigma), got 3",
            "has no parameter 'sigma' to put a prior on; its parameters with priors are mu, tau",
            "model logit-normal does not offer --pooling none",
            "--pooling: unknown pooling 'some'",
        };
        for (int i = 0; i < cases.length; i++) {
            List<String> arguments = new ArrayList<>(Arrays.asList(cases[i]));
            arguments.addAll(List.of("--output", output.toString()));
            MainTest.Run run = fit(arguments.toArray(new String[0]));
            assertEquals(2, run.exitCode(), String.join(" ", cases[i]) + ": " + run.err());
            assertTrue(run.err().contains(expected[i]), "expected '" + expected[i] + "' in: " + run.err());
            assertFalse(run.err().contains("at org."), run.err());
            assertFalse(run.out().contains("variable"), "no summary was printed: " + run.out());
            assertFalse(Files.exists(output), "nothing was written");
        }
    }
}
