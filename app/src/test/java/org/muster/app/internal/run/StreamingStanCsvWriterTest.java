package org.muster.app.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.muster.app.api.FitListeners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.StanCsvFile;
import org.muster.diagnostics.api.StanCsvHeader;
import org.muster.diagnostics.api.StanCsvWriter;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

class StreamingStanCsvWriterTest {

    @TempDir
    Path dir;

    private static final StanCsvWriter CSV = new StanCsvWriter(
            new StanCsvHeader("eight-schools", Optional.of("built-in 'eight-schools'"), 4, 150));

    private static PosteriorDraws fit(String method, int chains, FitListener listener) {
        InferenceMethodProvider provider = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals(method)).findFirst().orElseThrow();
        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("eight-schools")).findFirst().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            return (PosteriorDraws) provider.create(MethodOptions.empty()).fit(
                    family.build(DatasetReader.builtIn("eight-schools"), FamilyOptions.none()),
                    RunConfig.builder().chains(chains).warmup(150).draws(120).seed(4).executor(pool).build(), listener);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStreamedFilesAreThoseTheWholeFitWrites() throws IOException {
        for (String method : List.of("nuts", "mh")) {
            Path streamed = Files.createDirectories(dir.resolve(method + "-streamed"));
            StreamingStanCsvWriter writer = new StreamingStanCsvWriter(streamed, CSV);
            PosteriorDraws fit = fit(method, 3, writer);
            writer.close();
            assertTrue(writer.isComplete(), method);
            List<Path> whole = CSV.writeAll(dir.resolve(method + "-whole"), fit);
            assertEquals(3, writer.files().size());
            for (int c = 0; c < 3; c++) {
                assertEquals(whole.get(c).getFileName(), writer.files().get(c).getFileName());
                assertEquals(Files.readString(whole.get(c)), Files.readString(writer.files().get(c)), method + " chain " + c);
            }
        }
    }

    @Test
    void aCancelledRunLeavesReadableFilesWithEveryDrawItCompleted() {
        java.util.concurrent.atomic.AtomicIntegerArray kept = new java.util.concurrent.atomic.AtomicIntegerArray(2);
        StreamingStanCsvWriter writer = new StreamingStanCsvWriter(dir, CSV);
        FitListener cancelAfter = new FitListener() {
            @Override
            public void onIteration(int chain, int iteration, int total, boolean warmup) {
                if (!warmup) {
                    kept.incrementAndGet(chain);
                }
            }

            @Override
            public boolean isCancelled() {
                return kept.get(0) >= 25 && kept.get(1) >= 25;
            }
        };
        PosteriorDraws fit = fit("nuts", 2, FitListeners.all(List.of(writer, cancelAfter)));
        writer.close();
        assertTrue(fit.cancelled());
        assertFalse(writer.isComplete());
        for (int c = 0; c < 2; c++) {
            // every draw the chain completed is in its file
            assertEquals(kept.get(c), StanCsv.read(dir.resolve("draws_" + (c + 1) + ".csv")).drawCount());
        }
        for (int k = 0; k < fit.draws().chains(); k++) {
            int number = fit.chains().get(k).chain();
            StanCsvFile file = StanCsv.read(dir.resolve("draws_" + number + ".csv"));
            int mu = file.columns().indexOf("mu");
            for (int i = 0; i < fit.draws().iterations(); i++) {
                assertEquals(fit.draws().value(k, fit.draws().indexOf("mu"), i), file.draws()[mu][i]);
            }
        }
        int both = Math.min(kept.get(0), kept.get(1));
        int longer = Math.max(kept.get(0), kept.get(1));
        assertEquals(2 * both >= longer ? both : longer, fit.draws().iterations());
    }
}
