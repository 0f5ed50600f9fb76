package org.muster.core.spi;

import java.util.List;
import java.util.Optional;
import org.muster.core.api.ChainReport;

/**
 * One chain of a {@link MarkovChainMethod}: a transition kernel together with its adaptation, driven
 * iteration by iteration by the shared {@link ChainRunner}, which does everything around it (the
 * initial point, warmup and sampling phases, draws, listener calls, timing, cancellation, the executor).
 * A chain only moves its state. Not thread-safe; each chain has its own instance, used by one thread.
 *
 * <p>The runner's calls, in order: {@link #statisticNames} (on chain 0, before any chain runs); then for
 * each chain {@link #endWarmup} first if there is no warmup, and for each iteration {@link #iterate},
 * then {@link #position}, {@link #logDensity} and {@link #statistics} to record it, with {@link #endWarmup}
 * after the last warmup iteration; finally {@link #densityEvaluations} and {@link #adaptation} for the
 * chain's report.
 */
public interface MarkovChain {

    /**
     * Names of the per-draw statistics written by {@link #statistics}, each ending in {@code __} as
     * Stan names them (for example {@code accept_stat__}); {@code lp__} is added by the runner. Every
     * chain of a method returns the same names.
     */
    List<String> statisticNames();

    /**
     * Advances the chain by one transition.
     *
     * @param warmup whether adaptation may change the kernel's tuning
     */
    void iterate(boolean warmup);

    /** The current unconstrained position (owned by the chain; the runner does not modify it). */
    double[] position();

    /** The log density at the current position. */
    double logDensity();

    /** @param out modified: one value per statistic name, in the order of {@link #statisticNames} */
    void statistics(double[] out);

    /** Log-density or gradient evaluations so far. */
    long densityEvaluations();

    /**
     * Called once after the last warmup iteration (at the start when there is no warmup): the chain
     * fixes its tuning for the sampling phase, so the kept draws come from a fixed, valid kernel.
     */
    default void endWarmup() {
    }

    /** The step size and metric warmup arrived at, for chains that have them. */
    default Optional<ChainReport.Adaptation> adaptation() {
        return Optional.empty();
    }
}
