package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

class EightSchoolsFamilyTest {

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(ModelFamily.class).stream().anyMatch(p -> p.get().id().equals("eight-schools")));
    }

    @Test
    void buildsTheNonCenteredModelOnTheBuiltInData() {
        EightSchoolsFamily family = new EightSchoolsFamily();
        Model model = family.build(DatasetReader.builtIn(family.defaultDataset().orElseThrow()), FamilyOptions.none());
        CompiledModel compiled = model.compile();
        assertEquals(List.of("mu", "tau", "z[1]", "z[2]", "z[3]", "z[4]", "z[5]", "z[6]", "z[7]", "z[8]"),
                compiled.unconstrainedNames());
        assertTrue(compiled.outputNames().containsAll(List.of("mu", "tau", "theta[1]", "theta[8]")));
        // At mu = 0, tau = 1, z = 0 the density is the priors plus y_j ~ N(0, sigma_j).
        double[] y = {28, 8, -3, 7, -1, 1, 18, 12};
        double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
        double expected = normal(0, 0, 5) + Math.log(2 / (Math.PI * 5)) - Math.log1p(1 / 25.0);
        for (int j = 0; j < 8; j++) {
            expected += normal(0, 0, 1) + normal(y[j], 0, sigma[j]);
        }
        assertEquals(expected, compiled.newEvaluator().logDensity(new double[10]), 1e-12);
    }

    private static double normal(double x, double mean, double sd) {
        return -0.5 * Math.log(2 * Math.PI) - Math.log(sd) - 0.5 * ((x - mean) / sd) * ((x - mean) / sd);
    }

    @Test
    void rejectsUnknownOptionsAndBadData() {
        EightSchoolsFamily family = new EightSchoolsFamily();
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class, () -> family.build(
                DatasetReader.builtIn("eight-schools"), new FamilyOptions(Map.of("centering", "none"))));
        assertTrue(option.getMessage().contains("centering"), option.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> family.build(DatasetReader.builtIn("rats"), FamilyOptions.none()));
        assertTrue(column.getMessage().contains("no column 'y'") && column.getMessage().contains("--map y="),
                column.getMessage());
    }
}
