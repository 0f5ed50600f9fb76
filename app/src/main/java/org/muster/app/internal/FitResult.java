package org.muster.app.internal;

import java.util.Objects;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.PosteriorSummary;

/**
 * A finished fit and its summary.
 *
 * @param request what was asked
 * @param datasetSource where the data came from
 * @param fit the draws
 * @param summary one row per output variable, the sampler checks and the warnings
 */
public record FitResult(FitRequest request, String datasetSource, PosteriorDraws fit, PosteriorSummary summary) {

    public FitResult {
        Objects.requireNonNull(summary, "summary");
    }
}
