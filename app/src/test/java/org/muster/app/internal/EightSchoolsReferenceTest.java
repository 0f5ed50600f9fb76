package org.muster.app.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.ModelFamily;

/** End to end: the eight-schools family with random-walk Metropolis against Stan's reference posterior. */
class EightSchoolsReferenceTest {

    @Test
    void posteriorMeansAgreeWithStanWithinMonteCarloError() throws IOException {
        Map<String, double[]> reference = new HashMap<>();
        // shared/validation sits beside the repository; tests run in the module's folder.
        List<String> lines = Files.readAllLines(Path.of("..", "..", "shared", "validation", "eight_schools_posterior.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            reference.putIfAbsent(cells[0], new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[6])});
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        PosteriorDraws fit;
        try {
            InferenceMethodProvider mh = java.util.ServiceLoader.load(InferenceMethodProvider.class).stream()
                    .map(java.util.ServiceLoader.Provider::get).filter(p -> p.id().equals("mh")).findFirst().orElseThrow();
            ModelFamily family = java.util.ServiceLoader.load(ModelFamily.class).stream()
                    .map(java.util.ServiceLoader.Provider::get).filter(f -> f.id().equals("eight-schools")).findFirst()
                    .orElseThrow();
            fit = (PosteriorDraws) mh.create(MethodOptions.empty()).fit(
                    family.build(DatasetReader.builtIn("eight-schools"), FamilyOptions.none()),
                    RunConfig.builder().chains(4).warmup(2000).draws(25_000).seed(1).executor(pool).build(),
                    org.muster.core.spi.FitListener.NONE);
        } finally {
            pool.shutdownNow();
        }
        Draws draws = fit.draws();
        for (String name : List.of("mu", "tau", "theta[1]", "theta[2]", "theta[3]", "theta[4]", "theta[5]", "theta[6]",
                "theta[7]", "theta[8]")) {
            int v = draws.indexOf(name);
            double mean = java.util.Arrays.stream(draws.pooled(v)).average().orElseThrow();
            double mcse = batchMeansError(draws, v);
            double[] ref = reference.get(name);
            double tolerance = 4 * Math.sqrt(mcse * mcse + ref[1] * ref[1]);
            assertTrue(Math.abs(mean - ref[0]) < tolerance,
                    name + ": mean " + mean + " vs Stan " + ref[0] + " (tolerance " + tolerance + ")");
        }
    }

    /** MCSE of a mean by batch means (batches of 1000 draws within each chain, long next to the autocorrelation). */
    static double batchMeansError(Draws draws, int variable) {
        int batch = 1000;
        int batches = draws.iterations() / batch;
        double[] means = new double[draws.chains() * batches];
        int k = 0;
        for (int c = 0; c < draws.chains(); c++) {
            double[] x = draws.chain(c, variable);
            for (int j = 0; j < batches; j++) {
                double sum = 0;
                for (int i = j * batch; i < (j + 1) * batch; i++) {
                    sum += x[i];
                }
                means[k++] = sum / batch;
            }
        }
        double grand = java.util.Arrays.stream(means).average().orElseThrow();
        double variance = java.util.Arrays.stream(means).map(m -> (m - grand) * (m - grand)).sum() / (means.length - 1);
        return Math.sqrt(variance / means.length);
    }
}
