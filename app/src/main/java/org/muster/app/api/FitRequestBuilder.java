package org.muster.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.WarningThresholds;
import org.muster.models.spi.FamilyModel;

/**
 * What to run on one model: the method and its options, chains, warmup, draws, seed. Defaults: nuts,
 * 4 chains, 1000 warmup, 1000 draws, seed 1, one thread per core. Not thread-safe; {@link #run()} may
 * be called more than once.
 */
public final class FitRequestBuilder {

    private final Model model;
    private final Optional<FamilyModel> familyModel;
    private String methodId = "nuts";
    private final Map<String, String> options = new LinkedHashMap<>();
    private final RunConfig.Builder config = RunConfig.builder();
    private FitListener listener = FitListener.NONE;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    FitRequestBuilder(Model model, Optional<FamilyModel> familyModel) {
        this.model = java.util.Objects.requireNonNull(model, "model");
        this.familyModel = familyModel;
    }

    /** The inference method's id, e.g. {@code "nuts"}, {@code "gibbs"}, {@code "map"}. */
    public FitRequestBuilder with(String methodId) {
        this.methodId = java.util.Objects.requireNonNull(methodId, "methodId");
        return this;
    }

    /** One method option, named as {@code muster methods} lists it, e.g. {@code ("adapt_delta", "0.95")}. */
    public FitRequestBuilder option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public FitRequestBuilder chains(int chains) {
        config.chains(chains);
        return this;
    }

    public FitRequestBuilder warmup(int warmup) {
        config.warmup(warmup);
        return this;
    }

    public FitRequestBuilder draws(int draws) {
        config.draws(draws);
        return this;
    }

    public FitRequestBuilder seed(long seed) {
        config.seed(seed);
        return this;
    }

    /** Initial values on the constrained scale by parameter name; the others start at random. */
    public FitRequestBuilder initialValues(Map<String, double[]> values) {
        config.initialValues(values);
        return this;
    }

    /** Progress and cancellation: called from the chains' threads. */
    public FitRequestBuilder listener(FitListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** How many chains run at once (default: one per core); 1 runs them on the calling thread's pool of one. */
    public FitRequestBuilder threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Runs the method and, for posterior draws, summarizes them (R-hat, ESS, MCSE, warnings).
     *
     * @throws IllegalArgumentException for an unknown method, a bad option or a model the method cannot fit
     */
    public FitOutcome run() {
        var provider = Muster.method(methodId);
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "muster-chain");
            thread.setDaemon(true);
            return thread;
        });
        try {
            RunConfig run = config.executor(executor).build();
            Fit fit = provider.create(MethodOptions.of(options)).fit(model, run, listener);
            Optional<PosteriorSummary> summary = Optional.empty();
            PosteriorDraws posterior = fit instanceof VariationalFit variational ? variational.draws()
                    : fit instanceof PosteriorDraws d ? d : null;
            if (posterior != null) {
                PosteriorDraws draws = posterior;
                summary = Optional.of(Summaries.summarize(draws, WarningThresholds.DEFAULT, executor));
                return new FitOutcome(fit, summary, familyModel.flatMap(f -> f.shrinkage(draws.draws())));
            }
            return new FitOutcome(fit, summary, Optional.empty());
        } finally {
            executor.shutdownNow();
        }
    }
}
