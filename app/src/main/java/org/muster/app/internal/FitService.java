package org.muster.app.internal;

import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import org.muster.core.api.Fit;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.WarningThresholds;
import org.muster.models.spi.FamilyModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the data, builds the model, runs the method on the chain executor, adds predictive draws if
 * asked, and summarizes (on the executor too) with the units' shrinkage.
 */
public final class FitService {

    private static final Logger LOG = LoggerFactory.getLogger(FitService.class);

    private final FamilyLoader families;
    private final ProviderRegistry<InferenceMethodProvider> methods;
    private final ExecutorService executor;

    @Inject
    FitService(FamilyLoader families, ProviderRegistry<InferenceMethodProvider> methods, ExecutorService executor) {
        this.families = families;
        this.methods = methods;
        this.executor = executor;
    }

    /**
     * What the request's method would do with the request's model, one line per part of it (the
     * update each node gets, for Gibbs), without fitting; empty when the method explains nothing.
     */
    public java.util.List<String> explain(FitRequest request) {
        InferenceMethodProvider method = methods.require(request.method());
        FamilyLoader.Loaded loaded = families.load(request.family(), request.data(), request.familyOptions());
        return method.explain(loaded.model().model(), MethodOptions.of(request.methodOptions()));
    }

    public FitResult fit(FitRequest request, FitListener listener) {
        if (!(run(request, listener) instanceof FitResult result)) {
            throw new IllegalArgumentException("method " + request.method() + " gives a point estimate, not posterior draws");
        }
        return result;
    }

    /** Fits: posterior draws with their summary, or, for map, eb and map2, a point estimate. */
    public FitOutcome run(FitRequest request, FitListener listener) {
        InferenceMethodProvider method = methods.require(request.method());
        FamilyLoader.Loaded loaded = families.load(request.family(), request.data(), request.familyOptions());
        FamilyModel model = loaded.model();
        RunConfig config = RunConfig.builder().chains(request.chains()).warmup(request.warmup()).draws(request.draws())
                .seed(request.seed()).executor(executor).initialValues(request.initialValues()).build();
        LOG.debug("fitting {} on {} with {}", loaded.family().id(), loaded.source(), method.id());
        Fit fit = method.create(MethodOptions.of(request.methodOptions())).fit(model.model(), config, listener);
        if (fit instanceof PointEstimate estimate) {
            return new PointEstimateResult(request, loaded.source(), estimate);
        }
        if (!(fit instanceof PosteriorDraws draws)) {
            // A usage limit, not an internal error: output for other kinds of fit (variational) is still to come.
            throw new IllegalArgumentException("method " + method.id() + " gives a " + fit.getClass().getSimpleName()
                    + ", and `muster fit` prints posterior draws and point estimates only for now; call the method from Java");
        }
        PosteriorDraws reported = draws;
        if (request.predict()) {
            reported = new PosteriorDraws(draws.methodId(), model.withPredictions(draws.draws(), request.seed()),
                    draws.samplerStatistics(), draws.chains(), draws.cancelled(), draws.settings());
        }
        return new FitResult(request, loaded.source(), reported,
                Summaries.summarize(reported, WarningThresholds.DEFAULT, executor), model.shrinkage(draws.draws()));
    }
}
