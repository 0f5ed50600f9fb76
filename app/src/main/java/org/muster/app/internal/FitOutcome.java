package org.muster.app.internal;

/** What {@link FitService#run} returns: posterior draws with their summary, or a point estimate. */
public sealed interface FitOutcome permits FitResult, PointEstimateResult {

    /** What was asked. */
    FitRequest request();

    /** Where the data came from. */
    String datasetSource();
}
