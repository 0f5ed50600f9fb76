package org.muster.app.internal;

import java.util.List;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.SummaryRow;

/**
 * A finished fit and its summary.
 *
 * @param request what was asked
 * @param datasetSource where the data came from
 * @param fit the draws
 * @param summary one row per output variable
 */
public record FitResult(FitRequest request, String datasetSource, PosteriorDraws fit, List<SummaryRow> summary) {

    public FitResult {
        summary = List.copyOf(summary);
    }
}
