package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.models.api.ShrinkageTable;

class PlottedVariablesTest {

    private static Draws draws(List<String> names) {
        double[][][] values = new double[1][names.size()][2];
        return Draws.of(names, values);
    }

    @Test
    void hyperparametersAreTheScalarsWithoutPredictiveQuantities() {
        Draws draws = draws(List.of("mu", "tau", "z[1]", "z[2]", "theta[1]", "theta[2]", "y_rep[1]", "theta_new",
                "y_new"));
        ShrinkageTable units = new ShrinkageTable("y", Optional.of("mu"), List.of());
        PlottedVariables plotted = PlottedVariables.of(draws, Optional.of(units));
        assertEquals(List.of("mu", "tau"), plotted.hyperparameters());
        assertEquals(List.of(), plotted.members());
    }

    @Test
    void withoutUnitsTheFirstMembersOfEachVectorArePlottedToo() {
        Draws draws = draws(List.of("v", "x[1]", "x[2]", "x[3]", "x[4]", "w[1]", "w[2]", "y_rep[1]"));
        PlottedVariables plotted = PlottedVariables.of(draws, Optional.empty());
        assertEquals(List.of("v"), plotted.hyperparameters());
        assertEquals(List.of("x[1]", "x[2]", "x[3]", "w[1]", "w[2]"), plotted.members());
        assertEquals(List.of("v", "x[1]", "x[2]", "x[3]", "w[1]", "w[2]"), plotted.all());
    }
}
