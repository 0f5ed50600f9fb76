package org.muster.core.spi;

import java.util.Optional;
import org.muster.core.api.ChainReport;

/**
 * Receives progress from a running fit and may ask it to stop. Called from the chains' threads: calls for
 * one chain come from one thread in order, calls for different chains may be concurrent. Every method
 * has a no-op default, so the interface can grow without breaking listeners; methods that do not run
 * chains may call only {@link #onIteration} and {@link #isCancelled}.
 */
public interface FitListener {

    /** A listener that ignores everything. */
    FitListener NONE = new FitListener() {
    };

    /** A sampling run is about to start its chains; called once, before any other call. */
    default void onStart(SamplingStart start) {
    }

    /**
     * One iteration of a chain is done, with its values; called before {@link #onIteration} for the same
     * iteration. Runs on the chain's thread between iterations, so it should be quick.
     *
     * @param chain 0-based chain index
     * @param iteration 1-based count of iterations done, warmup included
     * @param warmup whether the iteration was part of warmup
     * @param values not to be modified or kept: owned by the sampler and overwritten by the next
     *     iteration; the output variables in the order of {@link SamplingStart#variables()}
     * @param samplerStatistics not to be modified or kept, as {@code values}; in the order of
     *     {@link SamplingStart#statistics()} ({@code lp__}, then e.g. {@code divergent__})
     */
    default void onDraw(int chain, int iteration, boolean warmup, double[] values, double[] samplerStatistics) {
    }

    /**
     * One iteration of a chain is done.
     *
     * @param chain 0-based chain index
     * @param iteration 1-based count of iterations done, warmup included
     * @param totalIterations warmup plus draws
     * @param warmup whether the iteration was part of warmup
     */
    default void onIteration(int chain, int iteration, int totalIterations, boolean warmup) {
    }

    /**
     * A chain has finished warmup (or has none) and is about to draw the kept iterations.
     *
     * @param chain 0-based chain index
     * @param adaptation the step size and metric warmup arrived at, for samplers that adapt them
     */
    default void onWarmupEnd(int chain, Optional<ChainReport.Adaptation> adaptation) {
    }

    /**
     * A chain has stopped, after its last iteration or because the run was cancelled.
     *
     * @param chain 0-based chain index
     * @param report its timings and adaptation, as in the finished fit
     */
    default void onChainEnd(int chain, ChainReport report) {
    }

    /** Whether the run should stop as soon as possible; checked between iterations. */
    default boolean isCancelled() {
        return false;
    }
}
