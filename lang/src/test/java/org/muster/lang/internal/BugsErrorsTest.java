package org.muster.lang.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.lang.spi.ModelFileException;

/**
 * Every kind of bad input the issue lists gives one message naming the file, line and column and what
 * is wrong, then the offending line and a caret under the offending text.
 */
class BugsErrorsTest {

    @TempDir
    Path folder;

    private ModelFileException failure(String model, String data, String... inits) {
        BugsFiles files = new BugsFiles(folder);
        return assertThrows(ModelFileException.class, () -> files.load(model, data, inits));
    }

    /** The message's first line without the folder, and checks the caret line sits under the column. */
    private String firstLine(ModelFileException e) {
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(3, lines.size(), e.getMessage());
        assertEquals(e.column() + 1, lines.get(2).indexOf('^'), "the caret sits under column " + e.column());
        return lines.get(0).replace(folder.toString() + "/", "");
    }

    @Test
    void aSyntaxError() {
        assertEquals("m.bug:2:23: syntax error: expected ',' or ')' in the arguments of 'dnorm' but found 'tau'",
                firstLine(failure("model {\n  y ~ dnorm(mu[1] + 2 tau)\n}\n", "y <- 1\n")));
    }

    @Test
    void anUnknownDistributionWithTheClosestName() {
        assertEquals("m.bug:2:7: unknown distribution 'dnrom' (did you mean 'dnorm'?)",
                firstLine(failure("model {\n  y ~ dnrom(0, 1)\n}\n", "y <- 1\n")));
    }

    @Test
    void anUnknownFunctionWithTheClosestName() {
        assertEquals("m.bug:2:9: unknown function 'exq' (did you mean 'exp'?)",
                firstLine(failure("model {\n  mu <- exq(1)\n  y ~ dnorm(mu, 1)\n}\n", "y <- 1\n")));
        assertEquals("m.bug:2:9: 'dnorm' is a distribution; it goes after '~', as in y ~ dnorm(...)",
                firstLine(failure("model {\n  mu <- dnorm(1, 1)\n  y ~ dnorm(mu, 1)\n}\n", "y <- 1\n")));
    }

    @Test
    void aVariableNeitherDefinedNorInTheData() {
        assertEquals("m.bug:3:13: 'alpah' is neither defined in the model nor given in the data (did you mean 'alpha'?)",
                firstLine(failure("model {\n  alpha ~ dnorm(0, 1)\n  y ~ dnorm(alpah, 1)\n}\n", "y <- 1\n")));
        assertEquals("m.bug:2:15: 'N' is neither defined in the model nor given in the data",
                firstLine(failure("model {\n  for (i in 1:N) { y[i] ~ dnorm(0, 1) }\n}\n", "y <- c(1, 2)\n")));
    }

    @Test
    void aNodeDefinedTwice() {
        assertEquals("m.bug:3:3: y[2] is defined twice: here and already at line 2; each node is defined once",
                firstLine(failure("model {\n  for (i in 1:N) { y[i] ~ dnorm(0, 1) }\n  y[2] ~ dnorm(1, 1)\n}\n",
                        "N <- 3\ny <- c(1, 2, 3)\n")));
    }

    @Test
    void aDirectedCycle() {
        assertEquals("m.bug:3:3: directed cycle: b -> a -> b (each depends on the one before it); a model is a directed"
                + " acyclic graph", firstLine(failure("model {\n  a <- b + 1\n  b <- a * 2\n  y ~ dnorm(a, 1)\n}\n",
                "y <- 1\n")));
        assertEquals("m.bug:2:3: directed cycle: a depends on itself", firstLine(failure("model {\n  a ~ dnorm(a, 1)\n}\n",
                null)));
    }

    @Test
    void anIndexOutOfRangeNamesTheNodeTheIndexItsValueAndTheBound() {
        assertEquals("m.bug:3:21: index out of range: mu[g[i]] with i = 3 reads index 4 of dimension 1 of 'mu', which has 3"
                + " elements", firstLine(failure("model {\n  for (i in 1:N) {\n    y[i] ~ dnorm(mu[g[i]], 1)\n  }\n"
                + "  for (j in 1:3) { mu[j] ~ dnorm(0, 1) }\n}\n", "N <- 4\ng <- c(1, 2, 4, 3)\ny <- c(1, 2, 3, 4)\n")));
    }

    @Test
    void dataWhoseDimensionsDisagreeWithTheirUse() {
        assertEquals("m.bug:2:20: 'y' is an array [2,2] in the data but is used with 1 index in y[i]",
                firstLine(failure("model {\n  for (i in 1:N) { y[i] ~ dnorm(0, 1) }\n}\n",
                        "N <- 2\ny <- structure(c(1, 2, 3, 4), .Dim = c(2, 2))\n")));
    }

    @Test
    void aValueOutsideItsDistributionsSupport() {
        assertEquals("m.bug:2:20: y[3] = 2.5 is not a whole number, outside the support of dpois(lambda)",
                firstLine(failure("model {\n  for (i in 1:N) { y[i] ~ dpois(lambda) }\n  lambda ~ dgamma(1, 1)\n}\n",
                        "N <- 4\ny <- c(1, 0, 2.5, 3)\n")));
        assertEquals("m.bug:2:20: y[2] = 7 is impossible under dbin with these arguments (5, 0.3), outside the support"
                + " of dbin(p, n)", firstLine(failure("model {\n  for (i in 1:2) { y[i] ~ dbin(0.3, 5) }\n}\n",
                "y <- c(1, 7)\n")));
    }

    @Test
    void anInitForANodeThatDoesNotExistOrIsObserved() {
        String model = "model {\n  y ~ dnorm(mu, 1)\n  mu ~ dnorm(0, 1)\n  tau ~ dgamma(1, 1)\n}\n";
        assertEquals("i1.R:2:1: an initial value for 'taus', which is not a node of the model (did you mean 'tau'?)",
                firstLine(failure(model, "y <- 1\n", "mu <- 0.5\ntaus <- 2\n")));
        assertEquals("i1.R:2:1: an initial value for y, which is observed (it is in the data); give NA there",
                firstLine(failure(model, "y <- 1\n", "mu <- 0.5\ny <- 2\n")));
        assertEquals("i1.R:1:1: the initial value tau = -1 is not above the lower bound 0, outside the support of its"
                + " distribution", firstLine(failure(model, "y <- 1\n", "tau <- -1\n")));
    }

    @Test
    void badDataFilesArePlacedToo() {
        ModelFileException e = failure("model {\n  y ~ dnorm(0, 1)\n}\n", "y <- c(1, 2\n");
        assertTrue(firstLine(e).startsWith("d.R:1:12: expected ',' or ')' in c(...) but found the end of the file"),
                e.getMessage());
    }
}
