package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.models.internal.HandWritten.halfCauchy;
import static org.muster.models.internal.HandWritten.normal;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;

class NormalHierarchicalFamilyTest {

    private static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
    private static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

    private final NormalHierarchicalFamily family = new NormalHierarchicalFamily();
    private final Dataset schools = DatasetReader.builtIn("eight-schools");

    @Test
    void nonCenteredIsTheDefault() {
        CompiledModel compiled = family.build(schools, FamilyOptions.none()).compile();
        assertEquals(List.of("mu", "tau", "z[1]", "z[2]", "z[3]", "z[4]", "z[5]", "z[6]", "z[7]", "z[8]"),
                compiled.unconstrainedNames());
        SplittableRandom random = new SplittableRandom(41);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = HandWritten.randomPoint(random, 10, 2);
            double tau = Math.exp(x[1]);
            double expected = normal(x[0], 0, 5) + x[1] + halfCauchy(tau, 5);
            for (int j = 0; j < 8; j++) {
                expected += normal(x[2 + j], 0, 1) + normal(Y[j], x[0] + tau * x[2 + j], SIGMA[j]);
            }
            assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void centeredSamplesThetaDirectly() {
        CompiledModel compiled = family.build(schools, new FamilyOptions(Map.of("parameterization", "centered")))
                .compile();
        assertEquals(List.of("mu", "tau", "theta[1]"), compiled.unconstrainedNames().subList(0, 3));
        double[] x = HandWritten.randomPoint(new SplittableRandom(43), 10, 1);
        double tau = Math.exp(x[1]);
        double expected = normal(x[0], 0, 5) + x[1] + halfCauchy(tau, 5);
        for (int j = 0; j < 8; j++) {
            expected += normal(x[2 + j], x[0], tau) + normal(Y[j], x[2 + j], SIGMA[j]);
        }
        assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void noneHasFlatUnitsAndCompleteOneMean() {
        CompiledModel none = family.build(schools, FamilyOptions.builder().pooling(Pooling.NONE).build()).compile();
        double[] x = HandWritten.randomPoint(new SplittableRandom(47), 8, 10);
        double expected = 0;
        for (int j = 0; j < 8; j++) {
            expected += normal(Y[j], x[j], SIGMA[j]);
        }
        assertEquals(expected, none.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
        CompiledModel complete = family.build(schools, FamilyOptions.builder().pooling(Pooling.COMPLETE)
                .prior("mu=normal(0, 20)").build()).compile();
        double pooled = normal(7.5, 0, 20);
        for (int j = 0; j < 8; j++) {
            pooled += normal(Y[j], 7.5, SIGMA[j]);
        }
        assertEquals(pooled, complete.newEvaluator().logDensity(new double[] {7.5}), 1e-12 * Math.abs(pooled));
    }

    @Test
    void severalEstimatesPerUnitShareItsTheta() {
        Dataset data = DataFiles.csv("repeated.csv", "school,effect,se\n1,10,5\n1,14,5\n2,-3,8\n");
        CompiledModel compiled = family.build(data, FamilyOptions.builder()
                .columns(org.muster.models.api.ColumnMapping.parse("group=school,y=effect,sigma=se")).build()).compile();
        // the rows of a unit are fitted through their sufficient statistics (issue 17), so the log density is
        // the rows' own up to a constant: compare its differences between points
        double[][] points = {{1, 0.5, 0.3, -0.2}, {-2, -0.4, 1.1, 0.7}};
        double[] expected = new double[2];
        double[] actual = new double[2];
        for (int k = 0; k < 2; k++) {
            double[] x = points[k];
            double tau = Math.exp(x[1]);
            double theta1 = x[0] + tau * x[2];
            double theta2 = x[0] + tau * x[3];
            expected[k] = normal(x[0], 0, 5) + x[1] + halfCauchy(tau, 5) + normal(x[2], 0, 1) + normal(x[3], 0, 1)
                    + normal(10, theta1, 5) + normal(14, theta1, 5) + normal(-3, theta2, 8);
            actual[k] = compiled.newEvaluator().logDensity(x);
        }
        assertEquals(expected[1] - expected[0], actual[1] - actual[0], 1e-12 * Math.max(1, Math.abs(expected[0])));
        assertEquals(12.0, family.prepare(data, FamilyOptions.builder()
                .columns(org.muster.models.api.ColumnMapping.parse("group=school,y=effect,sigma=se")).build())
                .units().orElseThrow().raw()[0], 1e-12);
    }

    @Test
    void eightSchoolsIsTheSameFamilyUnderItsOwnName() {
        EightSchoolsFamily eight = new EightSchoolsFamily();
        assertEquals("eight-schools", eight.id());
        double[] x = HandWritten.randomPoint(new SplittableRandom(53), 10, 1);
        assertEquals(family.build(schools, FamilyOptions.none()).compile().newEvaluator().logDensity(x),
                eight.build(schools, FamilyOptions.none()).compile().newEvaluator().logDensity(x), 0);
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> eight.build(schools, new FamilyOptions(Map.of("parametrisation", "centered"))));
        assertTrue(option.getMessage().contains("parametrisation") && option.getMessage().contains("parameterization"),
                option.getMessage());
    }
}
