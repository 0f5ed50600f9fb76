package org.muster.app.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ladder on one model: every rung from no pooling to full Bayes, and the hyperparameters and units
 * each rung found, side by side. Immutable.
 */
public final class LadderOutcome implements Outcome {

    /**
     * One column of the ladder.
     *
     * @param id machine name, as in ladder.csv
     * @param label column heading
     * @param note why the rung has no answer, or what to know about its answer; empty when nothing needs saying
     * @param answered whether the rung gave values
     */
    public record Rung(String id, String label, Optional<String> note, boolean answered) {
    }

    /**
     * One row: a hyperparameter or a unit's value.
     *
     * @param variable e.g. {@code alpha} or {@code theta[71]}
     * @param unit the unit's label, empty for a hyperparameter
     * @param values one per rung, NaN where the rung has no such value
     */
    public record Row(String variable, String unit, double[] values) {

        public Row {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private final FitRequest request;
    private final String datasetSource;
    private final List<Rung> rungs;
    private final List<Row> hyperparameters;
    private final List<Row> units;
    private final List<Integer> shown;
    private final Map<String, FitOutcome> fits;
    private final Optional<RunInfo> run;

    /**
     * @param request the full-Bayes rung's request (model, data, chains, warmup, draws, seed)
     * @param units rows for every unit, in order
     * @param shown the indices into {@code units} worth printing (all when there are few)
     * @param fits each answered rung's own outcome, by rung id
     */
    public LadderOutcome(FitRequest request, String datasetSource, List<Rung> rungs, List<Row> hyperparameters,
            List<Row> units, List<Integer> shown, Map<String, FitOutcome> fits, Optional<RunInfo> run) {
        this.request = Objects.requireNonNull(request, "request");
        this.datasetSource = Objects.requireNonNull(datasetSource, "datasetSource");
        this.rungs = List.copyOf(rungs);
        this.hyperparameters = List.copyOf(hyperparameters);
        this.units = List.copyOf(units);
        this.shown = List.copyOf(shown);
        this.fits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fits));
        this.run = Objects.requireNonNull(run, "run");
    }

    /** The full-Bayes rung's request: the model, its data, chains, warmup, draws and seed. */
    public FitRequest request() {
        return request;
    }

    /** The model family, e.g. {@code rats}. */
    public String family() {
        return request.model();
    }

    public String datasetSource() {
        return datasetSource;
    }

    public List<Rung> rungs() {
        return rungs;
    }

    /** Rows for the population's parameters. */
    public List<Row> hyperparameters() {
        return hyperparameters;
    }

    /** Rows for every unit, in order. */
    public List<Row> units() {
        return units;
    }

    /** The indices into {@link #units()} worth printing (all when there are few). */
    public List<Integer> shown() {
        return shown;
    }

    /** Each answered rung's own outcome (its estimates or draws, summary and shrinkage), by rung id. */
    public Map<String, FitOutcome> fits() {
        return fits;
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
    public LadderOutcome withRun(RunInfo info) {
        return new LadderOutcome(request, datasetSource, rungs, hyperparameters, units, shown, fits, Optional.of(info));
    }
}
