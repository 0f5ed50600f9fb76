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
 * @param memberNames for estimates whose model node names its members ({@code r_county[1,Intercept]}),
 *     those names, as posterior draws name them; other vectors' members are {@code name[i]}
 */
public record PointEstimate(String methodId, Map<String, double[]> estimates, Map<String, double[]> standardErrors,
        double objective, double[] objectiveTrace, List<String> warnings, Map<String, String> settings,
        Map<String, List<String>> memberNames) implements Fit {

    public PointEstimate {
        estimates = copy(estimates);
        standardErrors = copy(standardErrors);
        objectiveTrace = objectiveTrace.clone();
        warnings = List.copyOf(warnings);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Map<String, List<String>> names = new LinkedHashMap<>();
        memberNames.forEach((name, members) -> names.put(name, List.copyOf(members)));
        memberNames = Collections.unmodifiableMap(names);
    }

    /** An estimate whose vectors' members are named {@code name[i]}. */
    public PointEstimate(String methodId, Map<String, double[]> estimates, Map<String, double[]> standardErrors,
            double objective, double[] objectiveTrace, List<String> warnings, Map<String, String> settings) {
        this(methodId, estimates, standardErrors, objective, objectiveTrace, warnings, settings, Map.of());
    }

    /**
     * This estimate with its members named as the model's nodes name them (as posterior draws of the
     * model would be named), for every estimate that is a vector node of the model.
     */
    public PointEstimate namedBy(Model model) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : estimates.entrySet()) {
            model.node(entry.getKey()).filter(node -> node.size() == entry.getValue().length)
                    .ifPresent(node -> {
                        List<String> members = new java.util.ArrayList<>(node.size());
                        for (int i = 0; i < node.size(); i++) {
                            members.add(node.memberName(i));
                        }
                        names.put(entry.getKey(), members);
                    });
        }
        return new PointEstimate(methodId, estimates, standardErrors, objective, objectiveTrace, warnings, settings, names);
    }

    /**
     * The name of member {@code index} (0-based) of estimate {@code name} of {@code size} members, as
     * posterior draws name it: its node's member name where known, else {@code name[index + 1]}, and the
     * bare name for a scalar.
     */
    public String variable(String name, int index, int size) {
        List<String> names = memberNames.get(name);
        if (names != null && names.size() == size) {
            return names.get(index);
        }
        return size == 1 ? name : name + "[" + (index + 1) + "]";
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
