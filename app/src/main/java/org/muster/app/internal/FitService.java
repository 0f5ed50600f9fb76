package org.muster.app.internal;

import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.WarningThresholds;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the data, builds the model, runs the method on the chain executor and summarizes (on it too). */
public final class FitService {

    private static final Logger LOG = LoggerFactory.getLogger(FitService.class);

    private final ProviderRegistry<ModelFamily> families;
    private final ProviderRegistry<InferenceMethodProvider> methods;
    private final ExecutorService executor;

    @Inject
    FitService(ProviderRegistry<ModelFamily> families, ProviderRegistry<InferenceMethodProvider> methods,
            ExecutorService executor) {
        this.families = families;
        this.methods = methods;
        this.executor = executor;
    }

    public FitResult fit(FitRequest request, FitListener listener) {
        ModelFamily family = families.require(request.family());
        InferenceMethodProvider method = methods.require(request.method());
        String dataName = request.data().or(family::defaultDataset).orElseThrow(() -> new IllegalArgumentException(
                "model " + family.id() + " has no built-in data; give --data FILE with columns "
                        + family.dataColumns().stream().map(c -> c.name()).toList()));
        Dataset data = DatasetReader.load(dataName);
        Model model = family.build(data, new FamilyOptions(request.familyOptions()));
        RunConfig config = RunConfig.builder().chains(request.chains()).warmup(request.warmup()).draws(request.draws())
                .seed(request.seed()).executor(executor).initialValues(request.initialValues()).build();
        LOG.debug("fitting {} on {} with {}", family.id(), data.source(), method.id());
        Fit fit = method.create(MethodOptions.of(request.methodOptions())).fit(model, config, listener);
        if (!(fit instanceof PosteriorDraws draws)) {
            throw new IllegalStateException("method " + method.id() + " returned " + fit.getClass().getSimpleName()
                    + "; this command summarizes posterior draws only");
        }
        return new FitResult(request, data.source(), draws,
                Summaries.summarize(draws, WarningThresholds.DEFAULT, executor));
    }
}
