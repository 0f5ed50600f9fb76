package org.muster.app.internal.report;

import java.util.Objects;
import java.util.Optional;
import org.muster.app.api.FitOutcome;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.models.api.ShrinkageTable;

/**
 * What {@code report.html} shows of one fit.
 *
 * @param familyId the model family, e.g. {@code eight-schools}
 * @param datasetSource where the data came from, e.g. {@code built-in 'rats'} or a file name
 * @param methodId the inference method, e.g. {@code nuts}
 * @param seed the run's seed
 * @param warmup warmup iterations per chain (not in the draws)
 * @param draws the sampling draws of every chain
 * @param summary the summary rows, sampler checks and warnings of {@code draws}
 * @param shrinkage the units' shrinkage, if the model has units
 */
public record ReportInput(String familyId, String datasetSource, String methodId, long seed, int warmup,
        PosteriorDraws draws, PosteriorSummary summary, Optional<ShrinkageTable> shrinkage) {

    public ReportInput {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(datasetSource, "datasetSource");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(shrinkage, "shrinkage");
    }

    /** The input for a fit with draws. */
    public static ReportInput of(FitOutcome result) {
        return new ReportInput(result.modelName(), result.datasetSource(), result.draws().methodId(),
                result.request().seed(), result.request().warmup(), result.draws(), result.summary(), result.shrinkage());
    }
}
