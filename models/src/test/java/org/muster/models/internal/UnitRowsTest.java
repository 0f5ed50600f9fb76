package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.SummaryRow;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;
import org.muster.models.spi.Pooling;

/**
 * Families whose rows of a unit combine exactly fit their sums: the same parameters, log densities that
 * differ by a constant, predictions per original row, and built-in data (one row per unit) untouched.
 */
class UnitRowsTest {

    /** Rats with each experiment's rats split into three rows (tumors spread over them). */
    static String splitRats() {
        Dataset rats = DatasetReader.builtIn("rats");
        int[] tumors = rats.integer("tumors");
        int[] animals = rats.integer("rats");
        StringBuilder csv = new StringBuilder("group,y,n\n");
        for (int j = 0; j < tumors.length; j++) {
            int[] n = {animals[j] / 3, animals[j] / 3, animals[j] - 2 * (animals[j] / 3)};
            int left = tumors[j];
            for (int part = 0; part < 3; part++) {
                int y = part == 2 ? left : Math.min(left, Math.min(n[part], (tumors[j] + 2) / 3));
                left -= y;
                csv.append(j + 1).append(',').append(y).append(',').append(n[part]).append('\n');
            }
        }
        return csv.toString();
    }

    /** The gamma-Poisson sources with each source's exposure split into two rows. */
    private static String splitSources() {
        Dataset sources = DatasetReader.builtIn("gamma-poisson-sources");
        int[] counts = sources.integer("counts");
        double[] exposure = sources.real("exposure");
        StringBuilder csv = new StringBuilder("group,n,e\n");
        for (int j = 0; j < counts.length; j++) {
            csv.append(j + 1).append(',').append(counts[j] / 3).append(',').append(exposure[j] * 0.25).append('\n');
            csv.append(j + 1).append(',').append(counts[j] - counts[j] / 3).append(',').append(exposure[j] * 0.75)
                    .append('\n');
        }
        return csv.toString();
    }

    /** Eight schools with each school's estimate written as two estimates of twice the variance. */
    private static String splitSchools() {
        Dataset schools = DatasetReader.builtIn("eight-schools");
        double[] effect = schools.real("effect");
        double[] stderr = schools.real("stderr");
        StringBuilder csv = new StringBuilder("group,y,sigma\n");
        for (int j = 0; j < effect.length; j++) {
            double sigma = stderr[j] * Math.sqrt(2);
            csv.append(j + 1).append(',').append(effect[j] - 3).append(',').append(sigma).append('\n');
            csv.append(j + 1).append(',').append(effect[j] + 3).append(',').append(sigma).append('\n');
        }
        return csv.toString();
    }

    private static int observedSize(Model model) {
        return model.nodes().stream().filter(n -> n.kind() == NodeKind.OBSERVED).mapToInt(Node::size).sum();
    }

    /** log p(reduced) - log p(rows) at random points: one constant. */
    private static void sameDensityUpToAConstant(String label, FamilyModel model) {
        CompiledModel reduced = model.model().compile();
        CompiledModel rows = model.rowModel().compile();
        assertEquals(rows.unconstrainedNames(), reduced.unconstrainedNames(), label);
        assertEquals(rows.outputNames(), reduced.outputNames(), label);
        ModelEvaluator reducedDensity = reduced.newEvaluator();
        ModelEvaluator rowsDensity = rows.newEvaluator();
        SplittableRandom random = new SplittableRandom(label.hashCode());
        double constant = Double.NaN;
        for (int point = 0; point < 6; point++) {
            double[] x = new double[reduced.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.7 * random.nextGaussian();
            }
            double difference = reducedDensity.logDensity(x) - rowsDensity.logDensity(x);
            if (point == 0) {
                constant = difference;
            }
            assertEquals(constant, difference, 1e-9 * (1 + Math.abs(rowsDensity.logDensity(x))),
                    label + ": the log densities differ by more than a constant at point " + point);
        }
    }

    private static FamilyModel prepare(ModelFamily family, String file, String csv, FamilyOptions options) {
        return family.prepare(DataFiles.csv(file, csv), options);
    }

    @Test
    void everyReducingFamilyAndPoolingKeepsTheLogDensityUpToAConstant() {
        List<Object[]> cases = new ArrayList<>();
        for (Pooling pooling : Pooling.values()) {
            FamilyOptions options = FamilyOptions.builder().pooling(pooling).build();
            cases.add(new Object[] {new BetaBinomialFamily(), "rats.csv", splitRats(), options, 213, 71});
            cases.add(new Object[] {new GammaPoissonFamily(), "sources.csv", splitSources(), options, 120, 60});
            cases.add(new Object[] {new NormalHierarchicalFamily(), "schools.csv", splitSchools(), options, 16, 8});
        }
        cases.add(new Object[] {new LogitNormalFamily(), "rats.csv", splitRats(), FamilyOptions.none(), 213, 71});
        cases.add(new Object[] {new NormalHierarchicalFamily(), "schools.csv", splitSchools(),
                FamilyOptions.builder().option("parameterization", "centered").build(), 16, 8});
        for (Object[] c : cases) {
            ModelFamily family = (ModelFamily) c[0];
            FamilyOptions options = (FamilyOptions) c[3];
            String label = family.id() + " " + options.pooling() + " " + options.values();
            FamilyModel model = prepare(family, (String) c[1], (String) c[2], options);
            assertEquals(c[4], observedSize(model.rowModel()), label + ": rows");
            assertEquals(c[5], observedSize(model.model()), label + ": one row per unit is fitted");
            sameDensityUpToAConstant(label, model);
        }
    }

    @Test
    void predictionsStayPerOriginalRow() {
        FamilyModel model = prepare(new BetaBinomialFamily(), "rats.csv", splitRats(), FamilyOptions.none());
        CompiledModel compiled = model.model().compile();
        SplittableRandom random = new SplittableRandom(4);
        double[][][] values = new double[1][compiled.outputNames().size()][3];
        for (int t = 0; t < 3; t++) {
            double[] x = new double[compiled.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.5 * random.nextGaussian();
            }
            double[] outputs = new double[compiled.outputNames().size()];
            compiled.newEvaluator().outputs(x, outputs);
            for (int v = 0; v < outputs.length; v++) {
                values[0][v][t] = outputs[v];
            }
        }
        Draws predicted = model.withPredictions(Draws.of(compiled.outputNames(), values), 9);
        assertTrue(predicted.indexOf("y_rep[213]") >= 0 && predicted.indexOf("y_rep[214]") < 0, predicted.variables()
                .toString());
        Draws prior = new BetaBinomialFamily().prepare(DataFiles.csv("rats.csv", splitRats()),
                FamilyOptions.builder().prior("mean=beta(2, 10)").prior("concentration=exponential(0.1)").build())
                .simulate(2, 3);
        assertTrue(prior.indexOf("y_rep[213]") >= 0, prior.variables().toString());
    }

    @Test
    void dataWithOneRowPerUnitIsFittedAsItIs() {
        for (ModelFamily family : List.of(new BetaBinomialFamily(), new LogitNormalFamily(), new GammaPoissonFamily(),
                new NormalHierarchicalFamily(), new EightSchoolsFamily())) {
            Dataset data = DatasetReader.builtIn(family.defaultDataset().orElseThrow());
            FamilyModel model = family.prepare(data, FamilyOptions.none());
            assertSame(model.model(), model.rowModel(), family.id());
        }
    }

    @Test
    @Tag("statistical")
    void theSplitRatsGiveTheSamePosteriorWithinMonteCarloError() {
        Model rows = new BetaBinomialFamily().prepare(DatasetReader.builtIn("rats"), FamilyOptions.none()).model();
        Model split = prepare(new BetaBinomialFamily(), "rats.csv", splitRats(), FamilyOptions.none()).model();
        List<SummaryRow> expected = Summaries.summarize(Fits.nuts(rows, 300, 300, 21));
        List<SummaryRow> actual = Summaries.summarize(Fits.nuts(split, 300, 300, 22));
        assertEquals(expected.size(), actual.size());
        for (int v = 0; v < expected.size(); v++) {
            SummaryRow e = expected.get(v);
            SummaryRow a = actual.get(v);
            assertEquals(e.variable(), a.variable());
            double tolerance = 4.5 * Math.hypot(e.mcseMean(), a.mcseMean());
            assertEquals(e.mean(), a.mean(), tolerance, e.variable() + " in MCSE units: "
                    + (a.mean() - e.mean()) / Math.hypot(e.mcseMean(), a.mcseMean()));
        }
    }
}
