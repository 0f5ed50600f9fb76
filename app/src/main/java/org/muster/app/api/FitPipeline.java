package org.muster.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.DrawsStorage;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.WarningThresholds;
import org.muster.models.spi.FamilyModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a fit runs, for the command line's {@code fit} and {@code ladder} and the Java façade
 * alike: {@link #prepare} (load the model, check the method's options and the initial values), then
 * {@link #run} (fit, then by the kind of result: predictive draws, the summary and the units'
 * shrinkage), then {@link #write} (every {@link OutputWriter}). Thread-safe: one pipeline serves many
 * runs.
 */
public final class FitPipeline {

    /** Kept draws per chain a cancelled run needs to be summarized and written. */
    public static final int MINIMUM_DRAWS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(FitPipeline.class);

    private final ModelLoader models;
    private final Function<String, InferenceMethodProvider> methods;
    private final ExecutorService executor;
    private final List<OutputWriter> writers;

    /**
     * @param models turns a request's model and data into a model
     * @param methods the method provider by id, throwing {@link IllegalArgumentException} (naming the
     *     ids there are) for an unknown one
     * @param executor where chains and summaries run
     * @param writers every output format, in the order their files are listed (but those that
     *     {@link OutputWriter#writesLast} come after all others)
     */
    public FitPipeline(ModelLoader models, Function<String, InferenceMethodProvider> methods, ExecutorService executor,
            List<OutputWriter> writers) {
        this.models = Objects.requireNonNull(models, "models");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.executor = Objects.requireNonNull(executor, "executor");
        List<OutputWriter> ordered = new ArrayList<>();
        writers.stream().filter(w -> !w.writesLast()).forEach(ordered::add);
        writers.stream().filter(OutputWriter::writesLast).forEach(ordered::add);
        this.writers = List.copyOf(ordered);
    }

    /**
     * A pipeline over what {@link ServiceLoader} finds on the caller's class or module path: model
     * families, inference methods and output writers (the application's own and any plugins' there).
     */
    public static FitPipeline standard(ExecutorService executor) {
        return new FitPipeline(ModelLoader.families(Muster::family), Muster::method, executor, standardWriters());
    }

    /** The output writers {@link ServiceLoader} finds, in the order they are declared. */
    public static List<OutputWriter> standardWriters() {
        return ServiceLoader.load(OutputWriter.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** What turns a request's model and data into a model. */
    public ModelLoader loader() {
        return models;
    }

    /** The output writers, in the order their files are listed. */
    public List<OutputWriter> writers() {
        return writers;
    }

    /**
     * Loads the model and checks the method, its options and the initial values, so that every input
     * error shows before anything is written or run.
     *
     * @throws IllegalArgumentException for an unknown model or method, bad data, options or initial values
     */
    public PreparedFit prepare(FitRequest request) {
        InferenceMethodProvider provider = methods.apply(request.method());
        return prepare(request, models.load(request), provider);
    }

    /** As {@link #prepare(FitRequest)}, for a model already built (the Java façade's). */
    public PreparedFit prepare(FitRequest request, LoadedModel model) {
        return prepare(request, model, methods.apply(request.method()));
    }

    private PreparedFit prepare(FitRequest request, LoadedModel model, InferenceMethodProvider provider) {
        MethodOptions options = MethodOptions.of(request.methodOptions());
        options.check(provider.id(), provider.options());
        InferenceMethod method = provider.create(options);
        if (!request.initialValues().isEmpty() || !request.chainInitialValues().isEmpty()) {
            CompiledModel compiled = model.model().model().compile();
            checkInitialValues(compiled, request.initialValues(), 0);
            for (int c = 0; c < request.chainInitialValues().size(); c++) {
                checkInitialValues(compiled, request.chainInitialValues().get(c), c + 1);
            }
        }
        return new PreparedFit(request, model, provider, method);
    }

    /**
     * What the request's method would do with its model, one line per part of it (the update each node
     * gets, for Gibbs), without fitting; empty when the method explains nothing.
     */
    public List<String> explain(PreparedFit prepared) {
        return prepared.provider().explain(prepared.model().model().model(),
                MethodOptions.of(prepared.request().methodOptions()));
    }

    /**
     * Fits. Posterior draws (a sampler's, or those of a variational approximation) get predictive draws if
     * asked, a summary and the units' shrinkage; a cancelled run is summarized over the draws its kept
     * chains completed. A point estimate comes back with its members named as draws would be.
     *
     * @param listener progress and cancellation, besides the writers' own streams
     * @param directory the folder the run writes into, if any: writers that write while the fit runs
     *     (the Stan CSV draws) start there
     * @throws FitInterruptedException if the run was cancelled before every chain kept {@value #MINIMUM_DRAWS}
     *     draws; what the writers streamed is then removed
     */
    public FitOutcome run(PreparedFit prepared, FitListener listener, Optional<Path> directory) {
        FitRequest request = prepared.request();
        List<StreamingOutput> streams = new ArrayList<>();
        directory.ifPresent(d -> writers.forEach(w -> w.stream(d, prepared).ifPresent(streams::add)));
        List<FitListener> listeners = new ArrayList<>();
        listeners.add(listener);
        listeners.addAll(streams);
        RunConfig config = RunConfig.builder().chains(request.chains()).warmup(request.warmup()).draws(request.draws())
                .seed(request.seed()).executor(executor).initialValues(request.initialValues())
                .chainInitialValues(request.chainInitialValues()).storage(storage(request, directory)).build();
        FamilyModel model = prepared.model().model();
        LOG.debug("fitting {} on {} with {}", prepared.model().name(), prepared.model().datasetSource(),
                prepared.provider().id());
        Fit fit;
        try {
            fit = prepared.method().fit(model.model(), config, FitListeners.all(listeners));
        } finally {
            streams.forEach(StreamingOutput::close);
        }
        try {
            return fit.match(draws -> summarized(prepared, fit, draws),
                    variational -> summarized(prepared, fit, variational.draws()),
                    estimate -> new FitOutcome(request, prepared.model().name(), prepared.model().datasetSource(),
                            model.model(),
                            estimate.namedBy(model.model()), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty()));
        } catch (FitInterruptedException e) {
            streams.forEach(StreamingOutput::discard);
            throw e;
        }
    }

    /** The request's budget (else the default), the temporary file in the run's folder if it has one. */
    static DrawsStorage storage(FitRequest request, Optional<Path> directory) {
        DrawsStorage storage = DrawsStorage.defaults();
        if (request.drawsMemory().isPresent()) {
            storage = storage.withMemory(request.drawsMemory().getAsLong());
        }
        return directory.isPresent() ? storage.in(directory.get()) : storage;
    }

    private FitOutcome summarized(PreparedFit prepared, Fit fit, PosteriorDraws draws) {
        FitRequest request = prepared.request();
        FamilyModel model = prepared.model().model();
        if (draws.cancelled()) {
            LOG.debug("cancelled with {} draws per chain kept", draws.draws().iterations());
            if (draws.draws().iterations() < MINIMUM_DRAWS) {
                throw new FitInterruptedException(draws.draws().iterations());
            }
        }
        PosteriorDraws reported = draws;
        if (request.predict()) {
            reported = new PosteriorDraws(draws.methodId(), model.withPredictions(draws.draws(), request.seed()),
                    draws.samplerStatistics(), draws.chains(), draws.cancelled(), draws.settings());
        }
        List<String> monitors = prepared.model().monitors();
        if (!monitors.isEmpty()) {
            reported = new PosteriorDraws(reported.methodId(), monitored(reported.draws(), monitors,
                    model.model().compile().outputNames()), reported.samplerStatistics(), reported.chains(),
                    reported.cancelled(), reported.settings());
        }
        PosteriorSummary summary = Summaries.summarize(reported, WarningThresholds.DEFAULT, executor);
        return new FitOutcome(request, prepared.model().name(), prepared.model().datasetSource(), model.model(), fit,
                Optional.of(reported), Optional.of(summary), model.shrinkage(draws.draws()), Optional.empty());
    }

    /** The monitored columns of the draws, then the columns the model itself does not output (predictions). */
    private static org.muster.core.api.Draws monitored(org.muster.core.api.Draws draws, List<String> monitors,
            List<String> modelOutputs) {
        List<String> kept = new ArrayList<>(monitors);
        java.util.Set<String> outputs = new java.util.HashSet<>(modelOutputs);
        for (String variable : draws.variables()) {
            if (!outputs.contains(variable) && !kept.contains(variable)) {
                kept.add(variable);
            }
        }
        double[][][] values = new double[draws.chains()][kept.size()][];
        for (int v = 0; v < kept.size(); v++) {
            int index = draws.indexOf(kept.get(v));
            if (index < 0) {
                throw new IllegalArgumentException("the draws have no column '" + kept.get(v) + "' to monitor");
            }
            for (int c = 0; c < draws.chains(); c++) {
                values[c][v] = draws.chain(c, index);
            }
        }
        return org.muster.core.api.Draws.of(kept, values);
    }

    /**
     * Hands an outcome to every writer, in order.
     *
     * @param directory a folder that exists
     * @return the files written, in the writers' order
     * @throws UncheckedIOException naming the folder and the file that could not be written
     */
    public List<Path> write(Path directory, Outcome outcome) {
        List<Path> written = new ArrayList<>();
        long start = System.nanoTime();
        for (OutputWriter writer : writers) {
            try {
                // a writer that records the run lists what the others wrote, and how long writing them took
                Outcome told = outcome;
                if (writer.writesLast() && outcome.run().isPresent()) {
                    RunInfo run = outcome.run().get().withFiles(relative(directory, written));
                    if (!run.phaseSeconds().isEmpty()) {
                        run = run.withPhase("writing", (System.nanoTime() - start) * 1e-9);
                    }
                    told = outcome.withRun(run);
                }
                long began = System.nanoTime();
                written.addAll(writer.write(directory, told));
                LOG.debug("{} done in {} s ({} files written so far)", writer.getClass().getSimpleName(),
                        String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - began) * 1e-9), written.size());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + directory + ": " + e.getMessage(), e);
            }
        }
        return written;
    }

    /** The files as paths relative to the folder, with '/' between their parts. */
    static List<String> relative(Path directory, List<Path> files) {
        List<String> names = new ArrayList<>();
        Path base = directory.toAbsolutePath().normalize();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            Path name = absolute.startsWith(base) ? base.relativize(absolute) : absolute.getFileName();
            names.add(name.toString().replace(java.io.File.separatorChar, '/'));
        }
        return names;
    }

    /**
     * Checks initial values against the model: each names a parameter, has its size and lies in its
     * support.
     *
     * @param chain 1-based chain the values are for, 0 for every chain
     * @throws InitialValuesException naming the parameter, the member (1-based), the value and the support
     */
    private static void checkInitialValues(CompiledModel compiled, Map<String, double[]> values, int chain) {
        InitialValuesCheck.check(values, compiled, chain == 0 ? "" : " (chain " + chain + ")");
    }

    /**
     * Checks initial values against a compiled model, as {@link #prepare} does: every name a parameter,
     * every parameter with all its members, every member inside its support.
     *
     * @throws InitialValuesException naming the parameter, the member (from 1), the value and the support
     */
    public static void checkInitialValues(CompiledModel compiled, Map<String, double[]> values) {
        checkInitialValues(compiled, values, 0);
    }

    /** Initial values that do not fit the model: the message names the parameter, member and value. */
    public static final class InitialValuesException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InitialValuesException(String message) {
            super(message);
        }
    }
}
