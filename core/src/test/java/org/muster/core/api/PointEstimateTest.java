package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointEstimateTest {

    @Test
    void copiesItsArraysInAndOut() {
        double[] mu = {1.5};
        double[] trace = {-3, -2, -1};
        Map<String, double[]> estimates = new LinkedHashMap<>();
        estimates.put("mu", mu);
        PointEstimate fit = new PointEstimate("map", estimates, Map.of("mu", new double[] {0.1}), -1, trace, List.of(),
                Map.of("algorithm", "lbfgs"));
        mu[0] = 99;
        trace[0] = 99;
        estimates.put("tau", new double[] {1});
        assertEquals(1.5, fit.estimates().get("mu")[0]);
        assertEquals(-3, fit.objectiveTrace()[0]);
        assertEquals(1, fit.estimates().size());
        fit.objectiveTrace()[1] = 99;
        assertEquals(-2, fit.objectiveTrace()[1]);
        assertTrue(fit.hasEstimate());
        assertEquals("map", fit.methodId());
    }

    @Test
    void anEmptyEstimateMeansNoEstimate() {
        PointEstimate fit = new PointEstimate("map", Map.of(), Map.of(), 0, new double[0],
                List.of("the mode is on the boundary"), Map.of());
        assertFalse(fit.hasEstimate());
    }

    @Test
    void aVectorOfOneMemberIsNamedAsDrawsNameIt() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", Distributions.normal(0, 1));
        Node gap = b.stochastic("gap", 1, Distributions.normal(0, 1));
        b.observed("y", Distributions.normal(mu.plus(gap.at(new int[] {0})), 1), new double[] {0.5});
        Model model = b.build();
        PointEstimate fit = new PointEstimate("map", Map.of("mu", new double[] {1}, "gap", new double[] {2}), Map.of(),
                0, new double[0], List.of(), Map.of()).namedBy(model);
        assertEquals("gap[1]", fit.variable("gap", 0, 1));
        assertEquals("mu", fit.variable("mu", 0, 1));
        assertEquals(model.compile().outputNames(), List.of(fit.variable("mu", 0, 1), fit.variable("gap", 0, 1)));
    }
}
