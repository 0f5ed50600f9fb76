package org.muster.em.internal.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PointEstimate;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.em.api.ExpectationMaximization;
import org.muster.em.api.GaussianMixture;
import org.muster.em.api.NormalMixtureParameters;
import org.muster.models.api.Dataset;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

class EmProviderTest {

    static final double[] WEIGHTS = {0.4, 0.2, 0.4};
    static final double[] MEANS = {2, 5, 10};
    static final double[] SDS = {0.6, 0.8, 0.5};

    /** n draws from the 1-d mixture with the given seed. */
    static double[] simulate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int k = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            data[i] = MEANS[k] + SDS[k] * z;
        }
        return data;
    }

    static final double[] Y = simulate(2000, 20261121);

    static Model familyModel(double[] y, int components) {
        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("gaussian-mixture")).findFirst().orElseThrow();
        List<String[]> rows = new ArrayList<>();
        for (double v : y) {
            rows.add(new String[] {Double.toString(v)});
        }
        int[] lines = IntStream.range(2, y.length + 2).toArray();
        return family.build(new Dataset("simulated", List.of("y"), rows, lines),
                new FamilyOptions(Map.of("components", Integer.toString(components))));
    }

    static PointEstimate fit(Model model, Map<String, String> options, long seed) {
        return (PointEstimate) new EmProvider().create(MethodOptions.of(options))
                .fit(model, RunConfig.builder().seed(seed).build(), FitListener.NONE);
    }

    private static final Model MODEL = familyModel(Y, 3);
    private static final PointEstimate FIT = fit(MODEL, Map.of("restarts", "10"), 5);

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(ServiceLoader.load(InferenceMethodProvider.class).stream().anyMatch(p -> p.get().id().equals("em")));
    }

    @Test
    void reportsTheLibraryFitUnderTheModelsNamesWithMeansInOrder() {
        NormalMixtureParameters p = new GaussianMixture(new ExpectationMaximization(1000, 1e-10)).fit(Y, 3, 10, 5).best()
                .parameters();
        int[] order = IntStream.range(0, 3).boxed().sorted((a, b) -> Double.compare(p.means()[a], p.means()[b]))
                .mapToInt(Integer::intValue).toArray();
        Map<String, double[]> e = FIT.estimates();
        for (int k = 0; k < 3; k++) {
            assertEquals(p.weights()[order[k]], e.get("weights")[k], 1e-12);
            assertEquals(p.means()[order[k]], e.get("mu")[k], 1e-9 * Math.abs(p.means()[order[k]]));
            assertEquals(p.sds()[order[k]], e.get("sigma")[k], 1e-12);
        }
        // The family's parameterization: mu_1 = mu_first, mu_k = mu_{k-1} + mu_gap_{k-1}.
        assertEquals(e.get("mu")[0], e.get("mu_first")[0], 1e-9);
        for (int k = 1; k < 3; k++) {
            assertEquals(e.get("mu")[k] - e.get("mu")[k - 1], e.get("mu_gap")[k - 1], 1e-8);
        }
        // Within 4 standard errors of the truth (the components barely overlap).
        for (int k = 0; k < 3; k++) {
            assertEquals(MEANS[k], e.get("mu")[k], 4 * SDS[k] / Math.sqrt(Y.length * WEIGHTS[k]), "mean " + k);
        }
    }

    @Test
    void theNamesAreThoseTheSamplersReportPlusResponsibility() {
        Set<String> sampled = new LinkedHashSet<>();
        for (String name : MODEL.compile().outputNames()) {
            sampled.add(name.contains("[") ? name.substring(0, name.indexOf('[')) : name);
        }
        Set<String> expected = new LinkedHashSet<>(sampled);
        expected.add("responsibility");
        assertEquals(expected, FIT.estimates().keySet());
        assertEquals(Set.of("weights", "mu_first", "mu_gap", "mu", "sigma", "responsibility"), FIT.estimates().keySet());
        double[] r = FIT.estimates().get("responsibility");
        assertEquals(3 * Y.length, r.length);
        double sumOfFirstComponent = 0;
        for (int i = 0; i < Y.length; i++) {
            assertEquals(1, r[3 * i] + r[3 * i + 1] + r[3 * i + 2], 1e-12);
            sumOfFirstComponent += r[3 * i];
        }
        // Row-major in the order of the means: the first column's average is the first (lowest-mean) weight.
        assertEquals(FIT.estimates().get("weights")[0], sumOfFirstComponent / Y.length, 1e-6);
        assertTrue(Double.isNaN(FIT.standardErrors().get("mu")[0]));
    }

    @Test
    void theObjectiveTraceRisesAndEndsAtTheObjective() {
        double[] trace = FIT.objectiveTrace();
        assertTrue(trace.length > 2);
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-12 * Math.abs(trace[i - 1]), "iteration " + i);
        }
        assertEquals(FIT.objective(), trace[trace.length - 1], 0);
        assertEquals("10", FIT.settings().get("restarts"));
    }

    @Test
    void restartsThatEndAtAWorseLocalMaximumAreCountedInTheWarningAndTheSettings() {
        // Four components on three clusters: the random starts end at several local maxima.
        PointEstimate fit = fit(familyModel(Y, 4), Map.of("restarts", "12", "tolerance", "1e-8"), 3);
        int atBest = Integer.parseInt(fit.settings().get("restarts_at_best"));
        int collapsed = Integer.parseInt(fit.settings().get("restarts_collapsed"));
        int worse = 12 - atBest - collapsed;
        assertTrue(worse > 0, fit.settings() + " " + fit.warnings());
        String warning = fit.warnings().stream().filter(w -> w.contains("worse local maximum")).findFirst().orElseThrow();
        assertTrue(warning.startsWith(worse + " of 12 restarts ended at a worse local maximum (log likelihood"), warning);
    }

    @Test
    void theSeedFixesTheFit() {
        PointEstimate again = fit(MODEL, Map.of("restarts", "10"), 5);
        assertArrayEquals(FIT.estimates().get("mu"), again.estimates().get("mu"), 0);
        assertEquals(FIT.objective(), again.objective(), 0);
    }

    @Test
    void theMapPriorKeepsARepeatedPointFromCollapsingAComponent() {
        double[] y = new double[60];
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 20 ? 3.0 : Y[i];
        }
        PointEstimate fit = fit(familyModel(y, 3), Map.of("prior", "map", "restarts", "10"), 1);
        assertTrue(fit.hasEstimate(), fit.warnings().toString());
        assertEquals("0", fit.settings().get("restarts_collapsed"));
        assertTrue(fit.settings().get("prior").startsWith("map"));
        for (double sigma : fit.estimates().get("sigma")) {
            assertTrue(sigma > 0 && Double.isFinite(sigma), Arrays.toString(fit.estimates().get("sigma")));
        }
        assertTrue(Double.isFinite(fit.objective()));
    }

    @Test
    void aModelThatIsNotAMixtureIsRefusedSayingWhatIsSupported() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 10));
        b.observed("y", normal(mu, 2), new double[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(b.build(), Map.of(), 1));
        assertTrue(e.getMessage().startsWith("em fits normal mixtures"), e.getMessage());
        assertTrue(e.getMessage().contains("y ~ normal"), e.getMessage());
    }

    @Test
    void rejectsBadOptionsNamingThem() {
        EmProvider provider = new EmProvider();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.create(MethodOptions.of(Map.of("prior", "flat"))));
        assertTrue(e.getMessage().contains("prior=flat"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> provider.create(MethodOptions.of(Map.of("restarts", "0"))));
        assertTrue(e.getMessage().contains("restarts=0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provider.create(MethodOptions.of(Map.of("chains", "2"))));
        assertFalse(provider.description().isBlank());
    }
}
