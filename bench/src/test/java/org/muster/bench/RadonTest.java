package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.bench.GradientCheck.assertGradientMatchesFiniteDifferences;
import static org.muster.bench.GradientCheck.coordinates;
import static org.muster.bench.GradientCheck.logNormal;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.ModelEvaluator;

class RadonTest {

    private static final Radon DATA = Radon.load();
    private static final CompiledModel COMPILED = DATA.model().compile();

    @Test
    void readsAllHousesOfMinnesota() {
        assertEquals(919, DATA.size());
        assertEquals(85, DATA.counties());
        assertEquals(0, Arrays.stream(DATA.county()).min().orElseThrow(), "counties are 0-based");
        assertEquals(84, Arrays.stream(DATA.county()).max().orElseThrow());
        assertTrue(Arrays.stream(DATA.floor()).allMatch(f -> f == 0 || f == 1), "floor is 0 or 1");
        // First house in the file: county 1, basement, log radon 0.0953101798043249.
        assertEquals(0.0953101798043249, DATA.logRadon()[0], 0.0);
    }

    @Test
    void hasFiveScalarsAndTwoPlatesOfCounties() {
        assertEquals(5 + 2 * 85, COMPILED.dimension());
        Map<String, Integer> index = coordinates(COMPILED);
        assertEquals(COMPILED.dimension(), index.size(), "coordinate names are distinct");
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        ModelEvaluator evaluator = COMPILED.newEvaluator();
        for (long seed = 1; seed <= 3; seed++) {
            assertGradientMatchesFiniteDifferences(evaluator, RandomPoint.normal(COMPILED.dimension(), 1.0, seed), 1e-6);
        }
    }

    @Test
    void logDensityMatchesHandWrittenModel() {
        ModelEvaluator evaluator = COMPILED.newEvaluator();
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = RandomPoint.normal(COMPILED.dimension(), 1.0, seed);
            double expected = handWritten(x);
            assertEquals(expected, evaluator.logDensity(x), 1e-9 * Math.abs(expected), "seed " + seed);
        }
    }

    /**
     * The model written out by hand on the unconstrained scale: each sigma is exp of its coordinate,
     * with log-Jacobian equal to the coordinate.
     */
    private static double handWritten(double[] x) {
        Map<String, Integer> index = coordinates(COMPILED);
        int counties = DATA.counties();
        double muAlpha = x[index.get("mu_alpha")];
        double muBeta = x[index.get("mu_beta")];
        double logSigmaAlpha = x[index.get("sigma_alpha")];
        double logSigmaBeta = x[index.get("sigma_beta")];
        double logSigmaY = x[index.get("sigma_y")];
        double sigmaAlpha = Math.exp(logSigmaAlpha);
        double sigmaBeta = Math.exp(logSigmaBeta);
        double sigmaY = Math.exp(logSigmaY);
        double lp = logNormal(muAlpha, 0, 10) + logNormal(muBeta, 0, 10);
        // Half-normal: twice the normal density on x ≥ 0.
        lp += Math.log(2) + logNormal(sigmaAlpha, 0, 1) + logSigmaAlpha;
        lp += Math.log(2) + logNormal(sigmaBeta, 0, 1) + logSigmaBeta;
        lp += Math.log(2) + logNormal(sigmaY, 0, 1) + logSigmaY;
        double[] alpha = new double[counties];
        double[] beta = new double[counties];
        for (int j = 0; j < counties; j++) {
            double zAlpha = x[index.get("z_alpha[" + (j + 1) + "]")];
            double zBeta = x[index.get("z_beta[" + (j + 1) + "]")];
            lp += logNormal(zAlpha, 0, 1) + logNormal(zBeta, 0, 1);
            alpha[j] = muAlpha + sigmaAlpha * zAlpha;
            beta[j] = muBeta + sigmaBeta * zBeta;
        }
        int[] county = DATA.county();
        double[] floor = DATA.floor();
        double[] logRadon = DATA.logRadon();
        for (int i = 0; i < DATA.size(); i++) {
            int j = county[i];
            lp += logNormal(logRadon[i], alpha[j] + beta[j] * floor[i], sigmaY);
        }
        return lp;
    }
}
