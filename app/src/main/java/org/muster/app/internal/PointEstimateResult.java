package org.muster.app.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.muster.core.api.PointEstimate;

/**
 * A fit by a method that returns one point (map, eb, map2).
 *
 * @param request what was asked
 * @param datasetSource where the data came from
 * @param estimate the estimates, standard errors, objective trace, warnings and settings
 * @param memberNames for an estimate whose model node names its members ({@code r_county[1,Intercept]}),
 *     those names; other vectors' members are {@code name[i]}
 */
public record PointEstimateResult(FitRequest request, String datasetSource, PointEstimate estimate,
        Map<String, List<String>> memberNames) implements FitOutcome {

    public PointEstimateResult {
        Objects.requireNonNull(estimate, "estimate");
        memberNames = Map.copyOf(memberNames);
    }

    /** A result whose vectors' members are {@code name[i]}. */
    public PointEstimateResult(FitRequest request, String datasetSource, PointEstimate estimate) {
        this(request, datasetSource, estimate, Map.of());
    }

    /** The name of member {@code index} of estimate {@code name}, as posterior draws name it. */
    public String variable(String name, int index, int size) {
        List<String> names = memberNames.get(name);
        return names != null && names.size() == size ? names.get(index) : PointEstimateOutput.scalarName(name, index, size);
    }
}
