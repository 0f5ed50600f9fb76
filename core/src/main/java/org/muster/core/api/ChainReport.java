package org.muster.core.api;

/**
 * What one chain did.
 *
 * @param chain 1-based chain number
 * @param warmupSeconds wall time of warmup
 * @param samplingSeconds wall time of sampling
 * @param densityEvaluations log-density (or gradient) evaluations
 */
public record ChainReport(int chain, double warmupSeconds, double samplingSeconds, long densityEvaluations) {
}
