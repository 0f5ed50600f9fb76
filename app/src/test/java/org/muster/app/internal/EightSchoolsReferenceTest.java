package org.muster.app.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.MonteCarloError;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.ModelFamily;

/** End to end: the eight-schools family with NUTS (the default method) against Stan's reference posterior. */
class EightSchoolsReferenceTest {

    @Test
    void posteriorMeansAgreeWithStanWithinMonteCarloError() throws IOException {
        Map<String, double[]> reference = new HashMap<>();
        List<String> lines = new String(java.util.Objects.requireNonNull(EightSchoolsReferenceTest.class.getResourceAsStream(
                "/validation/eight_schools_posterior.csv"), "test resource validation/eight_schools_posterior.csv")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            reference.putIfAbsent(cells[0], new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[6])});
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        PosteriorDraws fit;
        try {
            InferenceMethodProvider nuts = java.util.ServiceLoader.load(InferenceMethodProvider.class).stream()
                    .map(java.util.ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst().orElseThrow();
            ModelFamily family = java.util.ServiceLoader.load(ModelFamily.class).stream()
                    .map(java.util.ServiceLoader.Provider::get).filter(f -> f.id().equals("eight-schools")).findFirst()
                    .orElseThrow();
            fit = (PosteriorDraws) nuts.create(MethodOptions.empty()).fit(
                    family.build(DatasetReader.builtIn("eight-schools"), FamilyOptions.none()),
                    RunConfig.builder().chains(4).warmup(1000).draws(5000).seed(1).executor(pool).build(),
                    org.muster.core.spi.FitListener.NONE);
        } finally {
            pool.shutdownNow();
        }
        Draws draws = fit.draws();
        for (String name : List.of("mu", "tau", "theta[1]", "theta[2]", "theta[3]", "theta[4]", "theta[5]", "theta[6]",
                "theta[7]", "theta[8]")) {
            int v = draws.indexOf(name);
            double mean = java.util.Arrays.stream(draws.pooled(v)).average().orElseThrow();
            double mcse = MonteCarloError.mean(draws.variable(v));
            double[] ref = reference.get(name);
            double tolerance = 4 * Math.sqrt(mcse * mcse + ref[1] * ref[1]);
            assertTrue(Math.abs(mean - ref[0]) < tolerance,
                    name + ": mean " + mean + " vs Stan " + ref[0] + " (tolerance " + tolerance + ")");
        }
    }
}
