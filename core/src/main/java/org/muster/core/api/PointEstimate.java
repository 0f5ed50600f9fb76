package org.muster.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fit made of one point (a mode, a maximum-likelihood or empirical-Bayes estimate) with standard
 * errors where they are defined.
 *
 * @param methodId the method's identifier, e.g. {@code "map"}
 * @param estimates constrained values by name, in the model's order; empty when no estimate exists
 *     (for instance, the mode lies on the boundary of the support; {@code warnings} says why)
 * @param standardErrors by the same names; {@code NaN} where not defined
 * @param objective the maximized objective at the estimate
 * @param objectiveTrace the objective after each iteration, first to last
 * @param warnings plain sentences for the user, empty when nothing needs saying
 * @param settings the method's settings, in a stable order
 */
public record PointEstimate(String methodId, Map<String, double[]> estimates, Map<String, double[]> standardErrors,
        double objective, double[] objectiveTrace, List<String> warnings, Map<String, String> settings) implements Fit {

    public PointEstimate {
        estimates = copy(estimates);
        standardErrors = copy(standardErrors);
        objectiveTrace = objectiveTrace.clone();
        warnings = List.copyOf(warnings);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Whether an estimate was found (no estimate when, for instance, the mode is on the boundary). */
    public boolean hasEstimate() {
        return !estimates.isEmpty();
    }

    /** A copy of the trace: the record's array is not handed out. */
    @Override
    public double[] objectiveTrace() {
        return objectiveTrace.clone();
    }

    private static Map<String, double[]> copy(Map<String, double[]> values) {
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((name, v) -> out.put(name, v.clone()));
        return Collections.unmodifiableMap(out);
    }
}
