package org.muster.app.internal;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
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
        return explain(prepare(request));
    }

    /** As {@link #explain(FitRequest)}, for a request already prepared. */
    public java.util.List<String> explain(PreparedFit prepared) {
        return prepared.method().explain(prepared.loaded().model().model(),
                MethodOptions.of(prepared.request().methodOptions()));
    }

    /** A request whose method, family and data have been checked and loaded, ready to fit. */
    public record PreparedFit(FitRequest request, InferenceMethodProvider method, FamilyLoader.Loaded loaded) {
    }

    /**
     * Checks the method, loads the data and builds the model, so input errors show before anything is
     * written or run.
     *
     * @throws IllegalArgumentException for an unknown method or family, or bad data or options
     */
    public PreparedFit prepare(FitRequest request) {
        InferenceMethodProvider method = methods.require(request.method());
        return new PreparedFit(request, method,
                families.load(request.family(), request.data(), request.familyOptions()));
    }

    /** Prepares and fits a method that gives posterior draws. @see #fit(PreparedFit, FitListener) */
    public FitResult fit(FitRequest request, FitListener listener) {
        return fit(prepare(request), listener);
    }

    /**
     * As {@link #run(PreparedFit, FitListener)}, for a method that gives posterior draws.
     *
     * @throws IllegalArgumentException if the method gives a point estimate
     */
    public FitResult fit(PreparedFit prepared, FitListener listener) {
        if (!(run(prepared, listener) instanceof FitResult result)) {
            throw new IllegalArgumentException("method " + prepared.request().method()
                    + " gives a point estimate, not posterior draws");
        }
        return result;
    }

    /** Prepares and runs. @see #run(PreparedFit, FitListener) */
    public FitOutcome run(FitRequest request, FitListener listener) {
        return run(prepare(request), listener);
    }

    /**
     * Runs the method. Posterior draws get predictive draws if asked and a summary; a cancelled run is
     * summarized over the draws the kept chains completed. Point estimates (map, eb, map2, em) come back
     * as they are.
     *
     * @throws FitInterruptedException if the run was cancelled before every chain kept {@value #MINIMUM_DRAWS}
     *     draws, too few to summarize
     */
    public FitOutcome run(PreparedFit prepared, FitListener listener) {
        FitRequest request = prepared.request();
        InferenceMethodProvider method = prepared.method();
        FamilyLoader.Loaded loaded = prepared.loaded();
        FamilyModel model = loaded.model();
        RunConfig config = RunConfig.builder().chains(request.chains()).warmup(request.warmup()).draws(request.draws())
                .seed(request.seed()).executor(executor).initialValues(request.initialValues()).build();
        LOG.debug("fitting {} on {} with {}", loaded.family().id(), loaded.source(), method.id());
        Fit fit = method.create(MethodOptions.of(request.methodOptions())).fit(model.model(), config, listener);
        if (fit instanceof PointEstimate estimate) {
            return new PointEstimateResult(request, loaded.source(), estimate, memberNames(model.model(), estimate));
        }
        Optional<VariationalFit> variational = fit instanceof VariationalFit v ? Optional.of(v) : Optional.empty();
        PosteriorDraws draws;
        if (fit instanceof PosteriorDraws d) {
            draws = d;
        } else if (variational.isPresent()) {
            // Draws from the approximation: every summary, plot and file works on them.
            draws = variational.get().draws();
        } else {
            throw new IllegalArgumentException("method " + method.id() + " gives a " + fit.getClass().getSimpleName()
                    + ", which `muster fit` cannot print; call the method from Java");
        }
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
        return new FitResult(request, loaded.source(), reported,
                Summaries.summarize(reported, WarningThresholds.DEFAULT, executor), model.shrinkage(draws.draws()),
                variational);
    }

    /** Kept draws per chain a cancelled run needs to be summarized and written. */
    public static final int MINIMUM_DRAWS = 2;

    /** A run cancelled before it had draws enough to summarize. */
    public static final class FitInterruptedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int drawsPerChain;

        FitInterruptedException(int drawsPerChain) {
            super("interrupted with " + drawsPerChain + " draws per chain, too few to summarize");
            this.drawsPerChain = drawsPerChain;
        }

        /** Draws every chain had kept when the run stopped. */
        public int drawsPerChain() {
            return drawsPerChain;
        }
    }

    /** The members' own names of the estimates whose nodes name them (as the glmm family's r_G[level,coef]). */
    private static Map<String, List<String>> memberNames(Model model, PointEstimate estimate) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : estimate.estimates().entrySet()) {
            model.node(entry.getKey()).filter(node -> node.size() == entry.getValue().length)
                    .ifPresent(node -> {
                        List<String> members = new ArrayList<>(node.size());
                        for (int i = 0; i < node.size(); i++) {
                            members.add(node.memberName(i));
                        }
                        names.put(entry.getKey(), members);
                    });
        }
        return names;
    }
}
