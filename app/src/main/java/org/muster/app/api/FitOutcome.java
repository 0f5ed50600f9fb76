package org.muster.app.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.muster.core.api.Draws;
import org.muster.core.api.Fit;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.models.api.ShrinkageTable;

/**
 * What one fit gave: the method's fit and, for posterior draws (of a sampler or from a variational
 * approximation), the draws with any predictive draws added, their summary and, for a model with
 * units, the shrinkage table. Made by {@link FitPipeline#run}; immutable.
 */
public final class FitOutcome implements Outcome {

    private final FitRequest request;
    private final String modelName;
    private final String datasetSource;
    private final Fit fit;
    private final Optional<PosteriorDraws> draws;
    private final Optional<PosteriorSummary> summary;
    private final Optional<ShrinkageTable> shrinkage;
    private final Optional<RunInfo> run;

    FitOutcome(FitRequest request, String modelName, String datasetSource, Fit fit, Optional<PosteriorDraws> draws,
            Optional<PosteriorSummary> summary, Optional<ShrinkageTable> shrinkage, Optional<RunInfo> run) {
        this.request = Objects.requireNonNull(request, "request");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.datasetSource = Objects.requireNonNull(datasetSource, "datasetSource");
        this.fit = Objects.requireNonNull(fit, "fit");
        this.draws = Objects.requireNonNull(draws, "draws");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.shrinkage = Objects.requireNonNull(shrinkage, "shrinkage");
        this.run = Objects.requireNonNull(run, "run");
    }

    /** What was asked. */
    public FitRequest request() {
        return request;
    }

    /** The model's name, e.g. the family id {@code eight-schools}. */
    public String modelName() {
        return modelName;
    }

    /** Where the data came from, e.g. {@code built-in 'rats'} or a file name. */
    public String datasetSource() {
        return datasetSource;
    }

    @Override
    public long seed() {
        return request.seed();
    }

    @Override
    public Optional<RunInfo> run() {
        return run;
    }

    /** This outcome with how its run started and ended, for {@code run.json}. */
    @Override
    public FitOutcome withRun(RunInfo info) {
        return new FitOutcome(request, modelName, datasetSource, fit, draws, summary, shrinkage, Optional.of(info));
    }

    /** Posterior draws, a variational approximation or a point estimate, as the method returned it. */
    public Fit fit() {
        return fit;
    }

    /** Whether the fit gave draws (a sampler's, or a variational approximation's), so has a summary. */
    public boolean hasDraws() {
        return draws.isPresent();
    }

    /** Each unit's raw estimate next to its posterior; empty for a point estimate or a model without units. */
    public Optional<ShrinkageTable> shrinkage() {
        return shrinkage;
    }

    /**
     * The posterior draws (for a variational method, the draws from its approximation), with the
     * predictive draws appended when they were asked for.
     *
     * @throws IllegalStateException when the method gave a point estimate
     */
    public PosteriorDraws draws() {
        return draws.orElseThrow(() -> new IllegalStateException("the method gave a point estimate, not posterior draws"));
    }

    /**
     * The variational approximation (ELBO trace, Pareto k-hat), for {@code advi} and {@code advi-fullrank}.
     *
     * @throws IllegalStateException for any other kind of fit
     */
    public VariationalFit variational() {
        return fit.match(d -> {
            throw new IllegalStateException("the method gave posterior draws, not a variational fit");
        }, v -> v, p -> {
            throw new IllegalStateException("the method gave a point estimate, not a variational fit");
        });
    }

    /**
     * The point estimate.
     *
     * @throws IllegalStateException when the method gave posterior draws
     */
    public PointEstimate pointEstimate() {
        return fit.match(d -> {
            throw new IllegalStateException("the method gave posterior draws, not a point estimate");
        }, v -> {
            throw new IllegalStateException("the method gave a variational fit, not a point estimate");
        }, p -> p);
    }

    /**
     * The summary of the draws.
     *
     * @throws IllegalStateException when the method gave a point estimate
     */
    public PosteriorSummary summary() {
        return summary.orElseThrow(() -> new IllegalStateException("a point estimate has no posterior summary"));
    }

    /**
     * One value per variable and member, by name: a point estimate's estimates, or the posterior means
     * of draws (a vector's members {@code theta[1]}, {@code theta[2]}, ... gathered under {@code theta}).
     * What the ladder lines up across methods.
     */
    public Map<String, double[]> pointValues() {
        return fit.match(d -> posteriorMeans(draws().draws()), v -> posteriorMeans(draws().draws()),
                PointEstimate::estimates);
    }

    private static Map<String, double[]> posteriorMeans(Draws draws) {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (String variable : draws.variables()) {
            int bracket = variable.indexOf('[');
            String name = bracket < 0 ? variable : variable.substring(0, bracket);
            double mean = Arrays.stream(draws.pooled(draws.indexOf(variable))).average().orElse(Double.NaN);
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(mean);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byName.forEach((name, means) -> out.put(name, means.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
