package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.ModelEvaluator;

/** The check that a compiled model's gradient agrees with finite differences of its log density. */
public final class GradientAssertions {

    private GradientAssertions() {
    }

    /**
     * The gradient at a point near the origin (unconstrained coordinates N(0, 0.3²), seed 17) agrees with
     * central differences (step 1e-6) to 1e-4 relative, and the log density there is finite; the model
     * family contract runs it on every pooling, and a family's own tests can run it on their models.
     *
     * @param label names the model in the failure message
     */
    public static void assertGradientMatchesFiniteDifferences(CompiledModel compiled, String label) {
        SplittableRandom random = new SplittableRandom(17);
        double[] x = new double[compiled.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3 * random.nextGaussian();
        }
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] gradient = new double[x.length];
        double logDensity = evaluator.logDensityGradient(x, gradient);
        assertTrue(Double.isFinite(logDensity), label);
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6;
            double[] step = x.clone();
            step[i] += h;
            double up = evaluator.logDensity(step);
            step[i] -= 2 * h;
            double numeric = (up - evaluator.logDensity(step)) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-4 * Math.max(1, Math.abs(numeric)),
                    label + ": " + compiled.unconstrainedNames().get(i));
        }
    }
}
