package org.muster.app.internal;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.FitPipeline;
import org.muster.app.api.FitRequest;
import org.muster.app.api.LadderOutcome;
import org.muster.app.api.LadderOutcome.Row;
import org.muster.app.api.LadderOutcome.Rung;
import org.muster.app.api.LoadedModel;
import org.muster.core.spi.FitListener;
import org.muster.models.api.UnitEstimates;
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
            new Step("nuts", "full Bayes", "nuts", Map.of()));

    private final FitPipeline pipeline;

    @Inject
    LadderService(FitPipeline pipeline) {
        this.pipeline = pipeline;
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
     * Fits every rung through the one fit pipeline and lines them up; a rung that fails or finds no
     * estimate gets a note instead of values.
     */
    public LadderOutcome climb(Request request, int firstUnits, int lastUnits) {
        if (request.familyOptions().pooling() != Pooling.PARTIAL) {
            throw new IllegalArgumentException("--pooling " + request.familyOptions().pooling().toString().toLowerCase(java.util.Locale.ROOT)
                    + ": the ladder runs from no pooling to complete pooling itself on the partial-pooling model; leave --pooling out");
        }
        // the full-Bayes rung's request; the point rungs differ in method, options, chains and draws only
        FitRequest bayes = FitRequest.builder(request.family()).data(request.data().orElse(null))
                .familyOptions(request.familyOptions()).method("nuts").chains(request.chains()).warmup(request.warmup())
                .draws(request.draws()).seed(request.seed()).build();
        LoadedModel loaded = pipeline.loader().load(bayes);
        // units given as deviations (glmm's varying intercepts) have no no-pooling and complete-pooling
        // versions of the model to climb between
        UnitEstimates unitEstimates = loaded.model().units().filter(u -> !u.deviations())
                .orElseThrow(() -> new IllegalArgumentException("model " + request.family()
                        + " has no units to pool, so there is no ladder to climb"));
        String unitVariable = unitEstimates.variable();
        int unitCount = unitEstimates.count();
        List<Rung> rungs = new ArrayList<>();
        List<Map<String, double[]>> values = new ArrayList<>();
        Map<String, FitOutcome> fits = new LinkedHashMap<>();
        for (Step step : STEPS) {
            Map<String, double[]> rungValues = new LinkedHashMap<>();
            Optional<String> note = Optional.empty();
            boolean answered = false;
            try {
                boolean sampler = step.method().equals("nuts");
                FitRequest rung = sampler ? bayes
                        : bayes.toBuilder().method(step.method()).methodOptions(step.options()).chains(4).warmup(0)
                                .draws(2).build();
                LOG.debug("ladder: {} on {}", step.label(), request.family());
                FitOutcome outcome = pipeline.run(pipeline.prepare(rung, loaded), FitListener.NONE, Optional.empty());
                rungValues.putAll(outcome.pointValues());
                answered = outcome.hasDraws() || outcome.pointEstimate().hasEstimate();
                if (!outcome.hasDraws() && !outcome.pointEstimate().warnings().isEmpty()) {
                    note = Optional.of(outcome.pointEstimate().warnings().get(0));
                }
                fits.put(step.id(), outcome);
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
        return new LadderOutcome(bayes, loaded.datasetSource(), rungs, hyper, units,
                shown(unitCount, request.units(), firstUnits, lastUnits), fits, Optional.empty());
    }

    private static double[] column(List<Map<String, double[]>> values, String name, int member) {
        double[] out = new double[values.size()];
        for (int r = 0; r < out.length; r++) {
            double[] v = values.get(r).get(name);
            out[r] = v != null && member < v.length ? v[member] : Double.NaN;
        }
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
