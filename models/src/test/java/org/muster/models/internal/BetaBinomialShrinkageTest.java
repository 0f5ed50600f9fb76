package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.MonteCarloError;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.api.ShrinkageRow;
import org.muster.models.api.ShrinkageTable;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;

/**
 * The acceptance cases of partial pooling: the rat tumors of BDA3 §5.3 and Efron and Morris's
 * baseball averages, fitted with NUTS.
 */
class BetaBinomialShrinkageTest {

    private final BetaBinomialFamily family = new BetaBinomialFamily();

    @Test
    void ratsTheCurrentExperimentAndEveryOtherShrinkTowardThePopulation() {
        FamilyModel model = family.prepare(DatasetReader.builtIn("rats"), FamilyOptions.none());
        Draws draws = Fits.nuts(model.model(), 300, 300, 2024);
        ShrinkageTable table = model.shrinkage(draws).orElseThrow();
        assertEquals(71, table.rows().size());
        ShrinkageRow current = table.rows().get(70);
        assertEquals(4.0 / 14, current.raw(), 1e-15);
        double mcse = MonteCarloError.mean(draws.variable(draws.indexOf("theta[71]")));
        // Empirical Bayes gives 0.223 (BDA3 5.3); integrating over the hyperparameters pulls a
        // little further toward the population. The band allows 5 standard errors of Monte Carlo.
        assertTrue(current.mean() < 0.223 && current.mean() > 0.19 - 5 * mcse,
                "theta[71] posterior mean " + current.mean() + " (MCSE " + mcse + ")");
        assertTrue(current.shrinkage() > 0.3 && current.shrinkage() < 1, "shrinkage " + current.shrinkage());
        for (ShrinkageRow row : table.rows()) {
            double rowMcse = MonteCarloError.mean(draws.variable(draws.indexOf(row.variable())));
            double before = Math.abs(row.raw() - row.populationMean());
            double after = Math.abs(row.mean() - row.populationMean());
            assertTrue(after < before + 3 * rowMcse, row + " (MCSE " + rowMcse + ")");
            if (before > 5 * rowMcse) {
                assertTrue(row.shrinkage() > 0 && row.shrinkage() < 1, row.toString());
            }
        }
    }

    @Test
    void baseballPartialPoolingBeatsTheRawAveragesOnTheRestOfTheSeason() {
        Dataset baseball = DatasetReader.builtIn("baseball");
        double[] truth = baseball.real("RemainingAverage");
        FamilyModel model = family.prepare(baseball, FamilyOptions.none());
        Draws draws = Fits.nuts(model.model(), 500, 500, 1975);
        List<ShrinkageRow> rows = model.shrinkage(draws).orElseThrow().rows();
        assertEquals("Clemente", rows.get(0).unit());
        double rawError = 0;
        double pooledError = 0;
        for (int j = 0; j < truth.length; j++) {
            rawError += Math.pow(rows.get(j).raw() - truth[j], 2);
            pooledError += Math.pow(rows.get(j).mean() - truth[j], 2);
        }
        double rawRmse = Math.sqrt(rawError / truth.length);
        double pooledRmse = Math.sqrt(pooledError / truth.length);
        assertTrue(pooledRmse < rawRmse, "RMSE partial pooling " + pooledRmse + " vs raw 45 at-bat averages " + rawRmse);
    }
}
