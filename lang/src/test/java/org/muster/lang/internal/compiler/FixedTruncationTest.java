package org.muster.lang.internal.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muster.core.api.distributions.Gamma;
import org.muster.core.api.distributions.StudentT;
import org.muster.core.api.distributions.Truncated;
import org.muster.core.api.distributions.UnivariateDistribution;

class FixedTruncationTest {

    @Test
    void aHalfCauchyHasTruncatedsDensityAndGradientInX() {
        // dt(1, 0, 5) T(0, ): as BUGS writes a half-Cauchy of scale 5.
        Truncated truncated = Truncated.of(StudentT.INSTANCE, 0, Double.POSITIVE_INFINITY);
        UnivariateDistribution fixed = FixedTruncation.of(truncated, 1, 0, 5);
        assertTrue(fixed instanceof FixedTruncation);
        double[] expected = new double[4];
        double[] got = new double[4];
        for (double x : new double[] {1e-9, 0.3, 5, 40, 1e4}) {
            assertEquals(truncated.logDensity(x, 1, 0, 5), fixed.logDensity(x, 1, 0, 5), 1e-12, "x = " + x);
            double a = truncated.logDensityGradient(x, 1, 0, 5, expected);
            double b = fixed.logDensityGradient(x, 1, 0, 5, got);
            assertEquals(a, b, 1e-12);
            assertEquals(expected[3], got[3], 1e-12, "the gradient in x at " + x);
        }
        assertEquals(Double.NEGATIVE_INFINITY, fixed.logDensity(-0.5, 1, 0, 5));
        assertEquals(truncated.parameterTransform().getClass(), fixed.parameterTransform().getClass());
    }

    @Test
    void theCompilerFixesTheMassOnlyWhenTheParametersAreNumbers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path model = java.nio.file.Files.writeString(dir.resolve("m.bug"), "model {\n"
                + "  tau ~ dt(0, 0.04, 1) T(0, )\n  s ~ dexp(1)\n  v ~ dnorm(0, s) T(-1, 1)\n  y ~ dnorm(v, tau)\n}\n");
        java.nio.file.Path data = java.nio.file.Files.writeString(dir.resolve("d.R"), "y <- 0.5\n");
        var graph = org.muster.lang.api.ModelFiles.load(org.muster.lang.spi.ModelRequest.of(model, data)).model().model();
        assertTrue(graph.node("tau").orElseThrow().distribution().orElseThrow() instanceof FixedTruncation);
        // v's precision is a node: its truncation's mass changes with s, so it stays a Truncated.
        assertTrue(graph.node("v").orElseThrow().distribution().orElseThrow() instanceof Truncated);
    }

    @Test
    void anIntervalOnAGammaHasTruncatedsDensity() {
        Truncated truncated = Truncated.of(Gamma.INSTANCE, 0.5, 3);
        UnivariateDistribution fixed = FixedTruncation.of(truncated, 2, 1.5, 0);
        for (double x : new double[] {0.5, 1, 2.9, 3}) {
            assertEquals(truncated.logDensity(x, 2, 1.5, 0), fixed.logDensity(x, 2, 1.5, 0), 1e-12, "x = " + x);
        }
        assertEquals(Double.NEGATIVE_INFINITY, fixed.logDensity(3.5, 2, 1.5, 0));
    }

    @Test
    void aMassThatIsNotFiniteKeepsTheTruncation() {
        // All the mass of a gamma(2, 1.5) far below 10^4: the log mass underflows, so nothing is fixed.
        Truncated truncated = Truncated.of(Gamma.INSTANCE, 1e4, Double.POSITIVE_INFINITY);
        assertSame(truncated, FixedTruncation.of(truncated, 2, 1.5, 0));
    }
}
