package org.muster.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.diagnostics.api.CalibrationRank;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.SummaryRow;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.api.Predictive;
import org.muster.models.spi.FamilyData;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulation-based calibration of a model family and an inference method (Talts, Betancourt, Simpson,
 * Vehtari &amp; Gelman 2018): each simulation draws the parameters from their priors and data from the
 * model given them (the family's prior predictive, on the design of a dataset: its trials, exposures or
 * standard errors), builds the family's model on the simulated data, fits it, and ranks each true
 * parameter among the fit's draws thinned to about their effective sample size. If the method is right,
 * every parameter's ranks are uniform ({@link CalibrationVerdict}). {@code muster sbc} and the Spark
 * module's {@code sbc} both call {@link #simulate}; simulation {@code i}'s seed comes from the run's seed
 * and {@code i} alone ({@link Seeds#forIndex}), so results do not depend on threads or order. Thread-safe.
 */
public final class Calibration {

    private static final Logger LOG = LoggerFactory.getLogger(Calibration.class);

    /** Fits one simulated dataset; the default runs the spec's method through {@link Muster#fit(FamilyModel)}. */
    @FunctionalInterface
    public interface Fitter {
        /**
         * Fits a model built on simulated data.
         *
         * @param seed the fit's seed
         * @param listener to pass on to the method (cancellation)
         */
        PosteriorDraws fit(FamilyModel model, FitSpec spec, long seed, FitListener listener);
    }

    /** The spec's method through {@link Muster}, its chains on one thread. */
    public static final Fitter DEFAULT_FITTER = (model, spec, seed, listener) -> Fits.run(model, spec, seed, listener)
            .draws();

    private final FitSpec spec;
    private final ModelFamily family;
    private final FamilyOptions options;
    private final Dataset design;
    private final FamilyModel designModel;
    private final List<String> columns;
    private final List<String[]> rows;
    private final int[] lines;
    private final List<String> parameters;
    /** Per observed node of the model: its replicate names in the prior draws and its column in the design. */
    private final List<ObservedColumn> observed;

    private record ObservedColumn(List<String> replicates, int column) {
    }

    private Calibration(FitSpec spec, ModelFamily family, FamilyOptions options, Dataset design, FamilyModel model) {
        this.spec = spec;
        this.family = family;
        this.options = options;
        this.design = design;
        this.designModel = model;
        this.columns = design.columns();
        this.rows = Tables.rows(design);
        this.lines = Tables.lines(design);
        Model graph = model.model();
        List<String> names = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.isNamed() && (node.kind() == NodeKind.PARAMETER || node.kind() == NodeKind.DETERMINISTIC)) {
                for (int i = 0; i < node.size(); i++) {
                    names.add(node.memberName(i));
                }
            }
        }
        this.parameters = List.copyOf(names);
        List<String> replicates = Predictive.replicateNames(graph);
        List<ObservedColumn> out = new ArrayList<>();
        FamilyData data = FamilyData.of(family, design, options);
        int next = 0;
        for (Node node : graph.nodes()) {
            if (node.kind() != NodeKind.OBSERVED) {
                continue;
            }
            if (family.dataColumns().stream().noneMatch(c -> c.name().equals(node.name())) || !data.has(node.name())) {
                throw new IllegalArgumentException("model " + family.id() + ": its observed node '" + node.name()
                        + "' is not one of its data columns, so simulated data cannot be put in its place");
            }
            if (node.size() != design.rowCount()) {
                throw new IllegalArgumentException("model " + family.id() + ": its observed node '" + node.name()
                        + "' has " + node.size() + " values but the design " + design.source() + " has "
                        + design.rowCount() + " rows");
            }
            out.add(new ObservedColumn(replicates.subList(next, next + node.size()),
                    columns.indexOf(data.fileColumn(node.name()))));
            next += node.size();
        }
        this.observed = List.copyOf(out);
    }

    /**
     * Calibration of the spec's family and method on the design of {@code design} (the data's trials,
     * exposures or standard errors; its outcomes are replaced by simulated ones).
     *
     * @throws IllegalArgumentException for an unknown family or method, bad options or data, or a prior that
     *     cannot be drawn from (an improper one: give a proper prior with {@code --prior})
     */
    public static Calibration of(FitSpec spec, Dataset design) {
        Objects.requireNonNull(spec, "spec");
        ModelFamily family = Muster.family(spec.family());
        Muster.method(spec.method());
        FamilyOptions options = spec.toFamilyOptions();
        FamilyModel model = family.prepare(design, options);
        // fails at once, naming the parameter, if a prior is improper
        model.simulate(1, spec.seed());
        return new Calibration(spec, family, options, design, model);
    }

    /**
     * Calibration on a named design: a built-in dataset name or a file; empty for the family's own data.
     *
     * @throws IllegalArgumentException as {@link #of(FitSpec, Dataset)}, or for data that cannot be read
     */
    public static Calibration of(FitSpec spec, Optional<String> data) {
        ModelFamily family = Muster.family(spec.family());
        Dataset design;
        if (family.dataColumns().isEmpty()) {
            design = Dataset.empty("no data");
        } else {
            String name = data.or(family::defaultDataset).orElseThrow(() -> new IllegalArgumentException("model "
                    + family.id() + " has no built-in data; give a design (--data) with its columns"));
            design = DatasetReader.load(name);
        }
        return of(spec, design);
    }

    /** The spec of the fits. */
    public FitSpec spec() {
        return spec;
    }

    /** Where the design came from, for messages. */
    public String designSource() {
        return design.source();
    }

    /** The parameters ranked, in the model's order (the named stochastic and deterministic nodes' members). */
    public List<String> parameters() {
        return parameters;
    }

    /** Simulation {@code number} (from 1) with the default fitter and no listener. */
    public SimulationResult simulate(int number) {
        return simulate(number, DEFAULT_FITTER, FitListener.NONE);
    }

    /**
     * Simulation {@code number} (from 1): simulate, fit, rank. Never throws for a fit that fails on the
     * simulated data; that is the result's error.
     *
     * @param listener passed to the fit; when it cancels, the result has no ranks
     */
    public SimulationResult simulate(int number, Fitter fitter, FitListener listener) {
        if (number < 1) {
            throw new IllegalArgumentException("simulations are numbered from 1, got " + number);
        }
        long seed = Seeds.forIndex(spec.seed(), number - 1);
        String label = "simulation " + number;
        Draws truth;
        FamilyModel model;
        try {
            truth = designModel.simulate(1, seed);
            model = family.prepare(simulatedData(truth, number), options);
        } catch (IllegalArgumentException e) {
            return new SimulationResult(number, seed, List.of(), Optional.of(Fits.message(label, e)), false);
        }
        PosteriorDraws fit;
        try {
            fit = fitter.fit(model, spec, Seeds.forIndex(seed, 0), listener);
        } catch (RuntimeException e) {
            if (listener.isCancelled()) {
                // a fit stopped before it had draws to return
                return new SimulationResult(number, seed, List.of(), Optional.empty(), true);
            }
            LOG.debug("{} failed", label, e);
            return new SimulationResult(number, seed, List.of(), Optional.of(Fits.message(label, e)), false);
        }
        if (fit.cancelled()) {
            return new SimulationResult(number, seed, List.of(), Optional.empty(), true);
        }
        try {
            return new SimulationResult(number, seed, ranks(number, seed, truth, fit), Optional.empty(), false);
        } catch (IllegalArgumentException e) {
            return new SimulationResult(number, seed, List.of(), Optional.of(Fits.message(label, e)), false);
        }
    }

    private List<CalibrationRow> ranks(int number, long seed, Draws truth, PosteriorDraws fit) {
        Draws draws = fit.draws();
        Map<String, SummaryRow> summary = new java.util.HashMap<>();
        for (SummaryRow row : Summaries.summarize(draws)) {
            summary.put(row.variable(), row);
        }
        int divergent = 0;
        int divergentColumn = fit.samplerStatistics().indexOf("divergent__");
        if (divergentColumn >= 0) {
            for (double[] chain : fit.samplerStatistics().variable(divergentColumn)) {
                for (double value : chain) {
                    divergent += value != 0 ? 1 : 0;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(Seeds.forIndex(seed, 1));
        List<CalibrationRow> out = new ArrayList<>(parameters.size());
        int total = draws.chains() * draws.iterations();
        for (String parameter : parameters) {
            int column = draws.indexOf(parameter);
            if (column < 0) {
                throw new IllegalArgumentException("the fit has no draws of '" + parameter + "'");
            }
            SummaryRow row = summary.get(parameter);
            int thin = CalibrationRank.thinning(total, Math.min(row.essBulk(), row.essTail()));
            double value = truth.value(0, truth.indexOf(parameter), 0);
            CalibrationRank rank = CalibrationRank.of(value, draws.variable(column), thin, random);
            out.add(new CalibrationRow(number, seed, parameter, value, rank.rank(), rank.draws(), rank.thin(),
                    rank.fraction(), row.mean(), row.sd(), row.rhat(), row.essBulk(), row.essTail(), divergent));
        }
        return out;
    }

    /** The design with its outcome columns replaced by the simulated ones. */
    private Dataset simulatedData(Draws simulated, int number) {
        List<String[]> copy = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            copy.add(row.clone());
        }
        for (ObservedColumn column : observed) {
            for (int r = 0; r < column.replicates().size(); r++) {
                copy.get(r)[column.column()] = cell(simulated.value(0, simulated.indexOf(column.replicates().get(r)), 0));
            }
        }
        return new Dataset(design.source() + ", simulation " + number, columns, copy, lines);
    }

    /** A value as a data file would hold it: whole numbers without a decimal point, others exactly. */
    private static String cell(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
