package org.muster.lang.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.Operation;
import org.muster.lang.api.ModelFiles;
import org.muster.lang.spi.LoadedModel;
import org.muster.lang.spi.ModelRequest;

/** Loading BUGS files: names, monitors, plates, initial values, data formats, the data block and links. */
class BugsLanguageTest {

    @TempDir
    Path folder;

    private LoadedModel load(String model, String data, String... inits) {
        return new BugsFiles(folder).load(model, data, inits);
    }

    @Test
    void aLoopOverAGatheredMeanIsOnePlateWithAGather() {
        LoadedModel loaded = load("model {\n  for (i in 1:N) { y[i] ~ dnorm(mu[g[i]], tau) }\n"
                + "  for (j in 1:J) { mu[j] ~ dnorm(0, 0.01) }\n  tau ~ dgamma(1, 1)\n}\n",
                "N <- 6\nJ <- 3\ng <- c(1, 1, 2, 2, 3, 3)\ny <- c(0.1, 0.3, 1.2, 0.8, -0.5, -0.1)\n");
        Model model = loaded.model().model();
        Node y = model.requireNode("y");
        assertEquals(NodeKind.OBSERVED, y.kind());
        assertEquals(6, y.size());
        Node mean = y.inputs().get(0);
        assertEquals(Operation.GATHER, mean.operation().orElseThrow());
        assertEquals(model.requireNode("mu"), mean.inputs().get(0));
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, mean.gatherIndex().orElseThrow());
        assertEquals(2, model.parameters().size(), "mu (one plate of 3) and tau");
        assertTrue(model.conjugatePairs().stream().anyMatch(p -> p.prior().name().equals("mu")));
        assertTrue(model.conjugatePairs().stream().anyMatch(p -> p.prior().name().equals("tau")));
        assertEquals("nuts", loaded.defaultMethod());
    }

    @Test
    void namesAreBugsNamesInColumnMajorOrderAndDefaultMonitorsSkipWhatTheDataFix() {
        LoadedModel loaded = load("model {\n  for (i in 1:2) { for (j in 1:3) { Y[i, j] ~ dnorm(alpha.c, 1) } }\n"
                + "  alpha.c ~ dnorm(0, 1)\n  fixed <- 2 * k\n  twice <- 2 * alpha.c\n}\n", "k <- 3\n");
        assertEquals(List.of("Y[1,1]", "Y[2,1]", "Y[1,2]", "Y[2,2]", "Y[1,3]", "Y[2,3]", "alpha.c", "twice"),
                loaded.monitors());
        assertTrue(loaded.model().model().compile().outputNames().containsAll(loaded.monitors()));
    }

    @Test
    void monitorsNameNodesOrElementsAndUnknownOnesAreErrors() {
        String model = "model {\n  for (i in 1:3) { theta[i] ~ dnorm(mu, 1) }\n  mu ~ dnorm(0, 1)\n}\n";
        LoadedModel loaded = new BugsLanguage().load(new ModelRequest(new BugsFiles(folder).write("m.bug", model),
                List.of(), List.of(), List.of("mu", "theta[2]"), 1));
        assertEquals(List.of("mu", "theta[2]"), loaded.monitors());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BugsLanguage().load(
                new ModelRequest(folder.resolve("m.bug"), List.of(), List.of(), List.of("thetaa"), 1)));
        assertTrue(e.getMessage().startsWith("--monitor thetaa: the model has no node 'thetaa' (did you mean 'theta'?)"),
                e.getMessage());
    }

    @Test
    void missingValuesBecomeUnobservedNodesAndDiscreteOnesMakeGibbsTheDefault() {
        LoadedModel loaded = load("model {\n  for (i in 1:4) { y[i] ~ dnorm(mu, 1)\n  k[i] ~ dbern(p) }\n"
                + "  mu ~ dnorm(0, 1)\n  p ~ dbeta(1, 1)\n}\n", "y <- c(1, NA, 2, NA)\nk <- c(1, 0, NA, 1)\n");
        assertEquals(List.of("y[2]", "y[4]", "k[3]", "mu", "p"), loaded.monitors());
        assertEquals("gibbs", loaded.defaultMethod());
        Model model = loaded.model().model();
        assertEquals(List.of("y[1]", "y[3]"), List.of(model.requireNode("y").kind() == NodeKind.OBSERVED ? "y[1]" : "",
                "y[3]"));
        assertEquals(NodeKind.PARAMETER, model.requireNode("y:2").kind());
        assertEquals(2, model.requireNode("y:2").size());
    }

    @Test
    void initialValuesMapToNodesAndPartialOnesAreCompletedWithinTheSupport() {
        String model = "model {\n  for (i in 1:3) { theta[i] ~ dgamma(2, 1) }\n  mu ~ dnorm(0, 1)\n}\n";
        LoadedModel loaded = load(model, null, "theta <- c(1.5, NA, 3)\nmu <- 0.2\n.RNG.seed <- 3\n", "mu <- -1\n");
        assertEquals(2, loaded.initialValues().size());
        Map<String, double[]> first = loaded.initialValues().get(0);
        assertEquals(1.5, first.get("theta")[0]);
        assertTrue(first.get("theta")[1] > 0, "completed inside the support");
        assertEquals(3.0, first.get("theta")[2]);
        assertArrayEquals(new double[] {0.2}, first.get("mu"));
        assertArrayEquals(new double[] {-1}, loaded.initialValues().get(1).get("mu"));
        assertTrue(loaded.notes().stream().anyMatch(n -> n.startsWith(".RNG.seed in ") && n.endsWith("ignored: Muster's"
                + " chains draw from streams split from --seed")), loaded.notes().toString());
    }

    @Test
    void theDataBlockIsEvaluatedOnceAndLinksInvertOnTheLeft() {
        LoadedModel loaded = load("data {\n  for (i in 1:N) { xc[i] <- x[i] - mean(x[]) }\n}\nmodel {\n"
                + "  for (i in 1:N) {\n    logit(p[i]) <- a + b * xc[i]\n    y[i] ~ dbin(p[i], n[i])\n  }\n"
                + "  a ~ dnorm(0, 0.01)\n  b ~ dnorm(0, 0.01)\n}\n",
                "N <- 3\nx <- c(1, 2, 6)\nn <- c(10, 10, 10)\ny <- c(2, 5, 9)\n");
        Model model = loaded.model().model();
        var compiled = model.compile();
        double[] x = {0.5, 2.0};
        Map<String, double[]> values = compiled.constrain(x);
        double[] p = values.get("p");
        assertEquals(1 / (1 + Math.exp(-(0.5 + 2.0 * (1 - 3)))), p[0], 1e-12);
        assertEquals(1 / (1 + Math.exp(-(0.5 + 2.0 * (6 - 3)))), p[2], 1e-12);
        assertFalse(loaded.monitors().contains("xc[1]"), "data-block variables are data");
    }

    @Test
    void jsonAndCsvDataWorkLikeRDump() {
        String model = "model {\n  for (i in 1:N) { y[i] ~ dpois(lambda * e[i]) }\n  lambda ~ dgamma(1, 1)\n}\n";
        BugsFiles files = new BugsFiles(folder);
        Path m = files.write("m.bug", model);
        Path json = files.write("d.json", "{\"N\": 3, \"y\": [1, 4, 2]}");
        Path csv = files.write("e.csv", "e\n1\n2\n1.5\n");
        LoadedModel loaded = ModelFiles.load(new ModelRequest(m, List.of(json, csv), List.of(), List.of(), 1));
        assertEquals(List.of("lambda"), loaded.monitors());
        assertTrue(ModelFiles.isModelFile(m));
        assertFalse(ModelFiles.isModelFile(json));
        Path txt = files.write("model.txt", "# a model\nmodel {\n  x ~ dnorm(0, 1)\n}\n");
        assertTrue(ModelFiles.isModelFile(txt));
        assertFalse(ModelFiles.isModelFile(files.write("notes.txt", "no model here")));
    }

    @Test
    void truncationCensoringAndParetoGetTheirBounds() {
        LoadedModel loaded = load("model {\n  s ~ dnorm(0, 1) T(0, )\n  for (i in 1:3) {\n"
                + "    c[i] ~ dinterval(t[i], 5)\n    t[i] ~ dexp(r)\n  }\n  r ~ dgamma(1, 1)\n  z ~ dpar(3, 2)\n}\n",
                "t <- c(1, NA, 2)\nc <- c(0, 1, 0)\n");
        var compiled = loaded.model().model().compile();
        Model model = loaded.model().model();
        assertEquals("lower(0)", compiled.unconstrainedBlock(model.requireNode("s")).transform().name());
        assertEquals("bounds per member", compiled.unconstrainedBlock(model.requireNode("t:2")).transform().name());
        Map<String, double[]> values = compiled.constrain(new double[compiled.dimension()]);
        assertTrue(values.get("t:2")[0] > 5, "a censored value lies beyond its censoring time");
        assertTrue(values.get("z")[0] > 2, "a Pareto value lies above its minimum");
    }

    @Test
    void aHundredThousandObservationsCompileToAHandfulOfNodes() {
        int n = 100_000;
        StringBuilder y = new StringBuilder("N <- " + n + "\nJ <- 50\ny <- c(");
        StringBuilder g = new StringBuilder("g <- c(");
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            y.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3f", random.nextGaussian()));
            g.append(i == 0 ? "" : ", ").append(1 + i % 50);
        }
        LoadedModel loaded = load("model {\n  for (i in 1:N) { y[i] ~ dnorm(mu[g[i]], tau) }\n"
                + "  for (j in 1:J) { mu[j] ~ dnorm(m, 1) }\n  m ~ dnorm(0, 1)\n  tau ~ dgamma(1, 1)\n}\n",
                y + ")\n" + g + ")\n");
        assertTrue(loaded.model().model().nodes().size() < 30, loaded.model().model().nodes().size() + " nodes");
    }
}
