package org.muster.app.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.core.api.Draws;
import org.muster.models.api.ShrinkageTable;

/**
 * Which variables of a fit get a trace, a rank and a density plot.
 *
 * <p><b>Hyperparameters</b> are the fit's scalar variables: names without an index, such as {@code mu},
 * {@code tau}, {@code alpha}, {@code beta}. In Muster's families these are the population-level
 * parameters the units are drawn from, the ones whose chains mix worst (the funnel between {@code tau}
 * and the units) and whose posterior is the point of a hierarchical model. Predictive quantities are not
 * hyperparameters even when scalar: replicated data ({@code y_rep[...]}) and a new unit's variables
 * (names ending in {@code _new}).
 *
 * <p>Vector variables hold one value per unit ({@code theta[1]}, ..., {@code z[1]}, ...) when the model
 * has units: their picture is the shrinkage figure and their numbers are in the summary table. A model
 * without units (no shrinkage table) can still have vectors that are population-level, such as a
 * mixture's weights or a funnel's coordinates: of each, the first {@value #MEMBERS_PER_VECTOR} members
 * are plotted as {@link #members()}.
 *
 * @param hyperparameters the scalar, non-predictive variables, in the fit's order
 * @param members selected members of vector variables of a model without units, in the fit's order
 */
record PlottedVariables(List<String> hyperparameters, List<String> members) {

    /** How many leading members of each vector of a model without units are plotted. */
    static final int MEMBERS_PER_VECTOR = 3;

    private static final String REPLICATE_SUFFIX = "_rep";
    private static final String NEW_UNIT_SUFFIX = "_new";

    PlottedVariables {
        hyperparameters = List.copyOf(hyperparameters);
        members = List.copyOf(members);
    }

    /** Every plotted variable: hyperparameters first. */
    List<String> all() {
        List<String> all = new ArrayList<>(hyperparameters);
        all.addAll(members);
        return all;
    }

    /** The plotted variables of draws, following the rule above. */
    static PlottedVariables of(Draws draws, Optional<ShrinkageTable> shrinkage) {
        List<String> scalars = new ArrayList<>();
        Map<String, List<String>> vectors = new LinkedHashMap<>();
        for (String variable : draws.variables()) {
            int bracket = variable.indexOf('[');
            String base = bracket < 0 ? variable : variable.substring(0, bracket);
            if (base.endsWith(REPLICATE_SUFFIX) || base.endsWith(NEW_UNIT_SUFFIX)) {
                continue;
            }
            if (bracket < 0) {
                scalars.add(variable);
            } else {
                vectors.computeIfAbsent(base, b -> new ArrayList<>()).add(variable);
            }
        }
        List<String> members = new ArrayList<>();
        if (shrinkage.isEmpty()) {
            for (List<String> vector : vectors.values()) {
                members.addAll(vector.subList(0, Math.min(MEMBERS_PER_VECTOR, vector.size())));
            }
        }
        return new PlottedVariables(scalars, members);
    }
}
