package org.muster.samplers.internal.chains;

import java.util.Optional;
import org.muster.core.api.ChainReport;

/**
 * One chain's sampler, driven iteration by iteration by {@link ChainRunner}: a kernel together with
 * its adaptation. Not thread-safe; each chain has its own.
 */
public interface ChainSampler {

    /** Names of the per-draw statistics written by {@link #statistics}, ending in {@code __}. */
    java.util.List<String> statisticNames();

    /**
     * Advances the chain by one transition.
     *
     * @param warmup whether adaptation may change the kernel's tuning
     */
    void iterate(boolean warmup);

    /** The current unconstrained position (owned by the sampler; do not modify). */
    double[] position();

    /** The log density at the current position. */
    double logDensity();

    /** @param out modified: one value per statistic name */
    void statistics(double[] out);

    /** Log-density or gradient evaluations so far. */
    long densityEvaluations();

    /**
     * Called once after the last warmup iteration (at the start when there is no warmup): the sampler
     * fixes its tuning for the sampling phase.
     */
    default void endWarmup() {
    }

    /** The step size and metric warmup arrived at, for samplers that have them. */
    default Optional<ChainReport.Adaptation> adaptation() {
        return Optional.empty();
    }
}
