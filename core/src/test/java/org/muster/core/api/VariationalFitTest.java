package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariationalFitTest {

    private static PosteriorDraws draws() {
        Draws d = Draws.of(List.of("a", "b"), new double[][][] {{{1, 2}, {3, 4}}});
        Draws s = Draws.of(List.of("lp__"), new double[][][] {{{0, 0}}});
        return new PosteriorDraws("advi", d, s, List.of(new ChainReport(1, 0.1, 0.01, 10)), false);
    }

    private static VariationalFit fullRank(double[] mean, double[][] cholesky, double k) {
        return new VariationalFit("advi-fullrank", true, List.of("a", "b"), mean, new double[0], cholesky,
                List.of(new VariationalFit.ElboPoint(100, -5, 1, 1)), false, "maximum iterations reached", 100, 0.1,
                100, 200, 0.5, k, Map.of("a", 1.5), List.of(), Map.of("algorithm", "variational"), draws());
    }

    @Test
    void readsKHatAsYaoEtAlDo() {
        assertEquals("good", VariationalFit.paretoKReading(0.3));
        assertEquals("good", VariationalFit.paretoKReading(Double.NEGATIVE_INFINITY));
        assertEquals("usable", VariationalFit.paretoKReading(0.5));
        assertEquals("usable", VariationalFit.paretoKReading(0.7));
        assertEquals("do not trust", VariationalFit.paretoKReading(0.71));
        assertEquals("do not trust", VariationalFit.paretoKReading(Double.NaN));
        assertTrue(fullRank(new double[2], new double[][] {{1, 0}, {0, 1}}, 0.9).flagged());
        assertFalse(fullRank(new double[2], new double[][] {{1, 0}, {0, 1}}, 0.2).flagged());
    }

    @Test
    void covarianceStandardDeviationsAndCorrelationComeFromTheCholeskyFactor() {
        VariationalFit fit = fullRank(new double[] {1, 2}, new double[][] {{2, 0}, {1.5, 2}}, 0.2);
        double[][] cov = fit.covariance();
        assertArrayEquals(new double[] {4, 3}, cov[0], 1e-12);
        assertArrayEquals(new double[] {3, 6.25}, cov[1], 1e-12);
        assertArrayEquals(new double[] {2, 2.5}, fit.standardDeviations(), 1e-12);
        assertEquals(0.6, fit.correlation()[0][1], 1e-12);
        assertEquals(1.0, fit.correlation()[1][1], 1e-12);
    }

    @Test
    void meanFieldHasADiagonalCovariance() {
        VariationalFit fit = new VariationalFit("advi", false, List.of("a", "b"), new double[] {0, 0},
                new double[] {Math.log(2), 0}, new double[0][], List.of(), true, "mean ELBO converged", 300, 1, 3, 4, 0.1,
                0.1, Map.of(), List.of(), Map.of(), draws());
        assertArrayEquals(new double[] {2, 1}, fit.standardDeviations(), 1e-12);
        assertEquals(0.0, fit.covariance()[0][1]);
        assertEquals(4.0, fit.covariance()[0][0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new VariationalFit("advi", false, List.of("a", "b"),
                new double[] {0, 0}, new double[] {0}, new double[0][], List.of(), true, "x", 1, 1, 1, 1, 1, 0,
                Map.of(), List.of(), Map.of(), draws()));
    }

    @Test
    void isImmutable() {
        double[] mean = {1, 2};
        double[][] cholesky = {{1, 0}, {0.5, 1}};
        List<String> warnings = new ArrayList<>(List.of("w"));
        Map<String, Double> psis = new LinkedHashMap<>(Map.of("a", 1.0));
        VariationalFit fit = new VariationalFit("advi-fullrank", true, List.of("a", "b"), mean, new double[0], cholesky,
                List.of(), false, "cancelled", 0, 1, 0, 0, 0, 0.1, psis, warnings, Map.of(), draws());
        mean[0] = 99;
        cholesky[1][0] = 99;
        warnings.add("more");
        psis.put("b", 2.0);
        assertEquals(1, fit.mean()[0]);
        assertEquals(0.5, fit.cholesky()[1][0]);
        fit.mean()[1] = 99;
        fit.cholesky()[1][1] = 99;
        assertEquals(2, fit.mean()[1]);
        assertEquals(1, fit.cholesky()[1][1]);
        assertEquals(List.of("w"), fit.warnings());
        assertEquals(Map.of("a", 1.0), fit.psisMeans());
        assertThrows(UnsupportedOperationException.class, () -> fit.psisMeans().put("c", 3.0));
    }
}
