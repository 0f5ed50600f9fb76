package org.muster.app.internal.report;

import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.WarningThresholds;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/** Real fits of built-in families for the report tests, as {@code muster fit} makes them. */
final class ReportFits {

    private ReportFits() {
    }

    /** A NUTS fit of a family on its built-in data, summarized with its shrinkage table. */
    static ReportInput fit(String familyId, int chains, int warmup, int draws, long seed) {
        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(familyId)).findFirst().orElseThrow();
        InferenceMethodProvider nuts = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst().orElseThrow();
        String dataset = family.defaultDataset().orElse(null);
        FamilyModel model = family.prepare(dataset == null ? Dataset.empty("no data") : DatasetReader.builtIn(dataset),
                FamilyOptions.none());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PosteriorDraws fit = (PosteriorDraws) nuts.create(MethodOptions.empty()).fit(model.model(),
                    RunConfig.builder().chains(chains).warmup(warmup).draws(draws).seed(seed).executor(pool).build(),
                    FitListener.NONE);
            return new ReportInput(familyId, dataset == null ? "no data" : "built-in '" + dataset + "'", "nuts", seed,
                    warmup, fit, Summaries.summarize(fit, WarningThresholds.DEFAULT, pool),
                    model.shrinkage(fit.draws()));
        } finally {
            pool.shutdownNow();
        }
    }
}
