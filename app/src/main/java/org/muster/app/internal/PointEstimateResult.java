package org.muster.app.internal;

import java.util.Objects;
import org.muster.core.api.PointEstimate;

/**
 * A fit by a method that returns one point (map, eb, map2).
 *
 * @param request what was asked
 * @param datasetSource where the data came from
 * @param estimate the estimates, standard errors, objective trace, warnings and settings
 */
public record PointEstimateResult(FitRequest request, String datasetSource, PointEstimate estimate) implements FitOutcome {

    public PointEstimateResult {
        Objects.requireNonNull(estimate, "estimate");
    }
}
