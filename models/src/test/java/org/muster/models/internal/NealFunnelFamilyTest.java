package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.models.internal.HandWritten.normal;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.models.api.Dataset;
import org.muster.models.spi.FamilyOptions;

class NealFunnelFamilyTest {

    private final NealFunnelFamily family = new NealFunnelFamily();
    private final Dataset none = Dataset.empty("no data");

    @Test
    void logDensityIsNealsFunnel() {
        CompiledModel compiled = family.build(none, FamilyOptions.none()).compile();
        assertEquals(10, compiled.dimension());
        SplittableRandom random = new SplittableRandom(71);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = HandWritten.randomPoint(random, 10, 2);
            double expected = normal(x[0], 0, 3);
            for (int k = 1; k < 10; k++) {
                expected += normal(x[k], 0, Math.exp(x[0] / 2));
            }
            assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
        }
        CompiledModel nonCentered = family.build(none, new FamilyOptions(Map.of("dimension", "3",
                "parameterization", "noncentered"))).compile();
        double[] x = {1.2, -0.4, 0.7};
        assertEquals(normal(1.2, 0, 3) + normal(-0.4, 0, 1) + normal(0.7, 0, 1),
                nonCentered.newEvaluator().logDensity(x), 1e-12);
        assertEquals(Math.exp(0.6) * 0.7, nonCentered.constrain(x).get("x")[1], 1e-14);
    }

    @Test
    void takesNoDataAndDrawsItsPrior() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> family.build(DataFiles.csv("d.csv", "y\n1\n"), FamilyOptions.none()));
        assertTrue(e.getMessage().contains("not read by model neal-funnel"), e.getMessage());
        Draws prior = family.prepare(none, FamilyOptions.none()).simulate(2000, 3);
        double[] v = prior.pooled(prior.indexOf("v"));
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        assertEquals(0, mean, 4 * 3 / Math.sqrt(2000));
    }
}
