package org.muster.app.internal;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.muster.core.api.Draws;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.UnitEstimates;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the lectures' ladder on one model: no pooling (each unit's own estimate), complete pooling,
 * the method of moments (where it applies), MAP, type-II maximum likelihood (empirical Bayes), MAP-II
 * and full Bayes (NUTS posterior means), and lines up their hyperparameters and unit estimates.
 */
public final class LadderService {

    private static final Logger LOG = LoggerFactory.getLogger(LadderService.class);

    /** One step of the ladder: its column label, the method and its options. */
    private record Step(String id, String label, String method, Map<String, String> options) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("no_pooling", "no pooling", "eb", Map.of("estimator", "none")),
            new Step("complete_pooling", "complete", "eb", Map.of("estimator", "complete")),
            new Step("moments", "moments", "eb", Map.of("estimator", "moments")),
            new Step("map", "MAP", "map", Map.of()),
            new Step("eb", "type-II ML", "eb", Map.of()),
            new Step("map2", "MAP-II", "map2", Map.of()),
            new Step("nuts", "full Bayes", "nuts", Map.of()),
            new Step("collapsed", "collapsed", "collapsed", Map.of()));

    private final FamilyLoader families;
    private final ProviderRegistry<InferenceMethodProvider> methods;
    private final ExecutorService executor;

    @Inject
    LadderService(FamilyLoader families, ProviderRegistry<InferenceMethodProvider> methods, ExecutorService executor) {
        this.families = families;
        this.methods = methods;
        this.executor = executor;
    }

    /**
     * What to climb.
     *
     * @param units 1-based units to show besides the first and last few, when there are many
     */
    public record Request(String family, Optional<String> data, FamilyOptions familyOptions, int chains, int warmup,
            int draws, long seed, List<Integer> units) {

        public Request {
            units = List.copyOf(units);
        }
    }

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

    /**
     * The ladder.
     *
     * @param rungs the columns
     * @param hyperparameters rows for the population's parameters
     * @param units rows for every unit, in order
     * @param shown the indices into {@code units} worth printing (all when there are few)
     */
    public record Ladder(String family, String datasetSource, List<Rung> rungs, List<Row> hyperparameters,
            List<Row> units, List<Integer> shown) {

        public Ladder {
            rungs = List.copyOf(rungs);
            hyperparameters = List.copyOf(hyperparameters);
            units = List.copyOf(units);
            shown = List.copyOf(shown);
        }
    }

    /** Fits every rung and lines them up; a rung that fails or finds no estimate gets a note instead of values. */
    public Ladder climb(Request request, int firstUnits, int lastUnits) {
        if (request.familyOptions().pooling() != Pooling.PARTIAL) {
            throw new IllegalArgumentException("--pooling " + request.familyOptions().pooling().toString().toLowerCase(java.util.Locale.ROOT)
                    + ": the ladder runs from no pooling to complete pooling itself on the partial-pooling model; leave --pooling out");
        }
        FamilyLoader.Loaded loaded = families.load(request.family(), request.data(), request.familyOptions());
        FamilyModel familyModel = loaded.model();
        Model model = familyModel.model();
        // units given as deviations (glmm's varying intercepts) have no no-pooling and complete-pooling
        // versions of the model to climb between
        UnitEstimates unitEstimates = familyModel.units().filter(u -> !u.deviations())
                .orElseThrow(() -> new IllegalArgumentException("model " + request.family()
                        + " has no units to pool, so there is no ladder to climb"));
        String unitVariable = unitEstimates.variable();
        int unitCount = unitEstimates.count();
        RunConfig pointConfig = RunConfig.builder().chains(4).warmup(0).draws(2).seed(request.seed()).build();
        RunConfig nutsConfig = RunConfig.builder().chains(request.chains()).warmup(request.warmup()).draws(request.draws())
                .seed(request.seed()).executor(executor).build();
        List<Rung> rungs = new ArrayList<>();
        List<Map<String, double[]>> values = new ArrayList<>();
        for (Step step : STEPS) {
            Map<String, double[]> rungValues = new LinkedHashMap<>();
            Optional<String> note = Optional.empty();
            boolean answered = false;
            try {
                InferenceMethodProvider provider = methods.require(step.method());
                boolean sampler = step.method().equals("nuts") || step.method().equals("collapsed");
                LOG.debug("ladder: {} on {}", step.label(), request.family());
                Fit fit = provider.create(MethodOptions.of(step.options())).fit(model, sampler ? nutsConfig : pointConfig,
                        FitListener.NONE);
                if (fit instanceof PointEstimate estimate) {
                    rungValues.putAll(estimate.estimates());
                    answered = estimate.hasEstimate();
                    if (!estimate.warnings().isEmpty()) {
                        note = Optional.of(estimate.warnings().get(0));
                    }
                } else if (fit instanceof PosteriorDraws draws) {
                    rungValues.putAll(posteriorMeans(draws.draws()));
                    answered = true;
                }
            } catch (IllegalArgumentException e) {
                if (step.id().equals("moments")) {
                    continue;   // the method of moments is a beta-binomial rung only
                }
                note = Optional.of(e.getMessage());
            }
            rungs.add(new Rung(step.id(), step.label(), note, answered));
            values.add(rungValues);
        }
        Set<String> hyperNames = new LinkedHashSet<>();
        // Empirical Bayes names the population's parameters first; the other rungs may add derived ones.
        for (String id : List.of("eb", "map2", "map", "nuts")) {
            for (int r = 0; r < rungs.size(); r++) {
                if (rungs.get(r).id().equals(id)) {
                    for (Map.Entry<String, double[]> entry : values.get(r).entrySet()) {
                        if (entry.getValue().length == 1 && !entry.getKey().equals(unitVariable)) {
                            hyperNames.add(entry.getKey());
                        }
                    }
                }
            }
        }
        List<Row> hyper = new ArrayList<>();
        for (String name : hyperNames) {
            hyper.add(new Row(name, "", column(values, name, 0)));
        }
        List<Row> units = new ArrayList<>();
        for (int j = 0; j < unitCount; j++) {
            units.add(new Row(unitVariable + "[" + (j + 1) + "]", unitEstimates.labels().get(j), column(values, unitVariable, j)));
        }
        return new Ladder(request.family(), loaded.source(), rungs, hyper, units, shown(unitCount, request.units(),
                firstUnits, lastUnits));
    }

    private static double[] column(List<Map<String, double[]>> values, String name, int member) {
        double[] out = new double[values.size()];
        for (int r = 0; r < out.length; r++) {
            double[] v = values.get(r).get(name);
            out[r] = v != null && member < v.length ? v[member] : Double.NaN;
        }
        return out;
    }

    /** Posterior means by variable name, vectors gathered from their members {@code theta[1]}, ... */
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

    /** All units when there are few; otherwise the first and last few and the ones asked for, in order. */
    private static List<Integer> shown(int count, List<Integer> asked, int first, int last) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (int unit : asked) {
            if (unit < 1 || unit > count) {
                throw new IllegalArgumentException("--unit " + unit + ": the model has units 1 to " + count);
            }
            out.add(unit - 1);
        }
        for (int j = 0; j < count; j++) {
            if (count <= first + last + 4 || j < first || j >= count - last) {
                out.add(j);
            }
        }
        return List.copyOf(out);
    }
}
