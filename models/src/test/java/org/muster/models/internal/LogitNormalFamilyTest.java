package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.models.internal.HandWritten.binomial;
import static org.muster.models.internal.HandWritten.halfNormal;
import static org.muster.models.internal.HandWritten.invLogit;
import static org.muster.models.internal.HandWritten.normal;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;

class LogitNormalFamilyTest {

    private final LogitNormalFamily family = new LogitNormalFamily();

    @Test
    void logDensityIsTheNonCenteredLogitNormalModel() {
        Dataset baseball = DatasetReader.builtIn("baseball");
        int[] y = baseball.integer("Hits");
        int[] n = baseball.integer("AtBats");
        CompiledModel compiled = family.build(baseball, FamilyOptions.none()).compile();
        assertEquals(List.of("mu", "tau", "z[1]"), compiled.unconstrainedNames().subList(0, 3));
        assertTrue(compiled.outputNames().containsAll(List.of("theta[18]", "median")));
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = HandWritten.randomPoint(random, 20, 1);
            double mu = x[0];
            double tau = Math.exp(x[1]);
            double expected = normal(mu, 0, 2.5) + x[1] + halfNormal(tau, 1);
            for (int j = 0; j < 18; j++) {
                double z = x[2 + j];
                expected += normal(z, 0, 1) + binomial(y[j], n[j], invLogit(mu + tau * z));
            }
            assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
            assertEquals(invLogit(mu), compiled.constrain(x).get("median")[0], 1e-15);
        }
    }

    @Test
    void aNormalPriorOnTauIsTruncatedToItsBound() {
        Dataset rats = DatasetReader.builtIn("rats");
        CompiledModel compiled = family.build(rats, FamilyOptions.builder().prior("tau=normal(0, 2)")
                .prior("mu=student_t(3, -2, 1)").build()).compile();
        double[] x = new double[73];
        x[0] = -1.5;
        x[1] = 0.3;
        CompiledModel reference = family.build(rats, FamilyOptions.builder().prior("tau=half_normal(0, 2)")
                .prior("mu=student_t(3, -2, 1)").build()).compile();
        assertEquals(reference.newEvaluator().logDensity(x), compiled.newEvaluator().logDensity(x), 1e-12);
    }

    @Test
    void offersOnlyPartialPooling() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> family.build(
                DatasetReader.builtIn("rats"), FamilyOptions.builder().pooling(Pooling.NONE).build()));
        assertTrue(e.getMessage().contains("does not offer --pooling none"), e.getMessage());
    }
}
