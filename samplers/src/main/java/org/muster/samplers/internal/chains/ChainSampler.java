package org.muster.samplers.internal.chains;

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
}
