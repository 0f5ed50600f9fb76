package org.muster.app.internal;

import java.util.Objects;
import java.util.Optional;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.models.api.ShrinkageTable;

/**
 * A finished fit and its summary.
 *
 * @param request what was asked
 * @param datasetSource where the data came from
 * @param fit the draws, with the predictive draws appended if they were asked for
 * @param summary one row per output variable, the sampler checks and the warnings
 * @param shrinkage the units' shrinkage toward the population, if the model has units
 * @param variational for a variational method (advi), the approximation the draws come from
 */
public record FitResult(FitRequest request, String datasetSource, PosteriorDraws fit, PosteriorSummary summary,
        Optional<ShrinkageTable> shrinkage, Optional<VariationalFit> variational) implements FitOutcome {

    public FitResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(shrinkage, "shrinkage");
        Objects.requireNonNull(variational, "variational");
    }
}
