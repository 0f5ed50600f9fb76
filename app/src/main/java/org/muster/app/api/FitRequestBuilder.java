package org.muster.app.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.spi.FitListener;
import org.muster.models.spi.FamilyOptions;

/**
 * What to run on one model: the method and its options, chains, warmup, draws, seed. Defaults: nuts,
 * 4 chains, 1000 warmup, 1000 draws, seed 1, one thread per core. {@link #run()} runs the same
 * {@link FitPipeline} as the command line, and with {@link #output(Path)} writes the same files. Not
 * thread-safe; {@link #run()} may be called more than once.
 */
public final class FitRequestBuilder {

    private final Optional<LoadedModel> model;
    private final FitRequest.Builder request;
    private FitListener listener = FitListener.NONE;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Path output;
    private boolean overwrite;

    /** A fit of a model already built. */
    FitRequestBuilder(LoadedModel model) {
        this.model = Optional.of(model);
        this.request = FitRequest.builder(model.name());
    }

    /** A fit of a model family, loaded with its data when the fit runs. */
    FitRequestBuilder(String familyId) {
        this.model = Optional.empty();
        this.request = FitRequest.builder(familyId);
    }

    /** The inference method's id, e.g. {@code "nuts"}, {@code "gibbs"}, {@code "map"}. */
    public FitRequestBuilder with(String methodId) {
        request.method(methodId);
        return this;
    }

    /** One method option, named as {@code muster methods} lists it, e.g. {@code ("adapt_delta", "0.95")}. */
    public FitRequestBuilder option(String key, String value) {
        request.methodOption(key, value);
        return this;
    }

    public FitRequestBuilder chains(int chains) {
        request.chains(chains);
        return this;
    }

    public FitRequestBuilder warmup(int warmup) {
        request.warmup(warmup);
        return this;
    }

    public FitRequestBuilder draws(int draws) {
        request.draws(draws);
        return this;
    }

    public FitRequestBuilder seed(long seed) {
        request.seed(seed);
        return this;
    }

    /** For a model family: a built-in dataset name or a file, instead of the family's built-in data. */
    public FitRequestBuilder data(String nameOrPath) {
        if (model.isPresent()) {
            throw new IllegalStateException("the model is built already; data go to the family when it is built");
        }
        request.data(nameOrPath);
        return this;
    }

    /** For a model family: its options, column mapping, priors and pooling. */
    public FitRequestBuilder familyOptions(FamilyOptions options) {
        if (model.isPresent()) {
            throw new IllegalStateException("the model is built already; options go to the family when it is built");
        }
        request.familyOptions(options);
        return this;
    }

    /** Initial values on the constrained scale by parameter name; the others start at random. */
    public FitRequestBuilder initialValues(Map<String, double[]> values) {
        request.initialValues(values);
        return this;
    }

    /** Initial values per chain, in chain order. */
    public FitRequestBuilder chainInitialValues(List<Map<String, double[]>> values) {
        request.chainInitialValues(values);
        return this;
    }

    /** Whether to add predictive draws ({@code y_rep}, a new unit) to the draws. */
    public FitRequestBuilder predict(boolean predict) {
        request.predict(predict);
        return this;
    }

    /** Progress and cancellation: called from the chains' threads. */
    public FitRequestBuilder listener(FitListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Writes every output file into this folder, as {@code muster fit --output DIR} does (summary, draws
     * as Stan CSV, shrinkage, report, run record, plugins' formats); created if missing.
     */
    public FitRequestBuilder output(Path directory) {
        this.output = java.util.Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Lets {@link #output} name a folder holding an earlier Muster run's files, which are then removed
     * (only those; a folder holding any other file is refused).
     */
    public FitRequestBuilder overwrite(boolean overwrite) {
        this.overwrite = overwrite;
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

    /** The request as it stands. */
    public FitRequest request() {
        return request.build();
    }

    /**
     * Runs the method and, for posterior draws, summarizes them (R-hat, ESS, MCSE, warnings); with an
     * output folder, writes the files.
     *
     * @throws IllegalArgumentException for an unknown method, a bad option or a model the method cannot fit
     * @throws FitInterruptedException if the listener cancelled the run before it had two draws per chain
     */
    public FitOutcome run() {
        Instant start = Instant.now();
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "muster-chain");
            thread.setDaemon(true);
            return thread;
        });
        try {
            FitPipeline pipeline = FitPipeline.standard(executor);
            FitRequest built = request.build();
            PreparedFit prepared = model.map(m -> pipeline.prepare(built, m)).orElseGet(() -> pipeline.prepare(built));
            try (OutputFolder folder = output == null ? null : OutputFolder.claim(output, "output", overwrite)) {
                Optional<Path> directory = Optional.ofNullable(folder).map(OutputFolder::path);
                FitOutcome outcome = pipeline.run(prepared, listener, directory);
                if (directory.isPresent()) {
                    int status = outcome.hasDraws() && outcome.draws().cancelled() ? 130 : 0;
                    outcome = outcome.withRun(RunInfo.started(List.of(), Muster.VERSION, true, start)
                            .ended(Instant.now(), status));
                    pipeline.write(directory.get(), outcome);
                }
                return outcome;
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
