package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.muster.bench.GradientCheck.assertGradientMatchesFiniteDifferences;
import static org.muster.bench.GradientCheck.coordinates;
import static org.muster.bench.GradientCheck.logNormal;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.ModelEvaluator;

class EightSchoolsTest {

    private final CompiledModel compiled = EightSchools.model().compile();

    @Test
    void hasMuLogTauAndEightStandardizedEffects() {
        assertEquals(10, compiled.dimension());
        Map<String, Integer> index = coordinates(compiled);
        assertEquals(10, index.size());
        for (String name : new String[] {"mu", "tau", "z[1]", "z[8]"}) {
            assertEquals(true, index.containsKey(name), name + " in " + compiled.unconstrainedNames());
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        ModelEvaluator evaluator = compiled.newEvaluator();
        for (long seed = 1; seed <= 5; seed++) {
            assertGradientMatchesFiniteDifferences(evaluator, RandomPoint.normal(compiled.dimension(), 1.0, seed), 1e-6);
        }
    }

    @Test
    void logDensityMatchesHandWrittenModel() {
        ModelEvaluator evaluator = compiled.newEvaluator();
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = RandomPoint.normal(compiled.dimension(), 1.0, seed);
            double expected = handWritten(x);
            assertEquals(expected, evaluator.logDensity(x), 1e-9 * Math.abs(expected), "seed " + seed);
        }
    }

    /** The model written out by hand on the unconstrained scale, tau = exp(x_tau) with log-Jacobian x_tau. */
    private double handWritten(double[] x) {
        Map<String, Integer> index = coordinates(compiled);
        double mu = x[index.get("mu")];
        double logTau = x[index.get("tau")];
        double tau = Math.exp(logTau);
        double lp = logNormal(mu, 0, 5);
        lp += Math.log(2 / (Math.PI * 5)) - Math.log1p((tau / 5) * (tau / 5)) + logTau;
        for (int j = 0; j < 8; j++) {
            double z = x[index.get("z[" + (j + 1) + "]")];
            lp += logNormal(z, 0, 1);
            lp += logNormal(EightSchools.EFFECTS[j], mu + tau * z, EightSchools.STANDARD_ERRORS[j]);
        }
        return lp;
    }
}
