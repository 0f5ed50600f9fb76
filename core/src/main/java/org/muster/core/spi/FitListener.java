package org.muster.core.spi;

/** Receives progress from a running fit and may ask it to stop. Called from the chains' threads. */
public interface FitListener {

    /** A listener that ignores everything. */
    FitListener NONE = new FitListener() {
    };

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

    /** Whether the run should stop as soon as possible; checked between iterations. */
    default boolean isCancelled() {
        return false;
    }
}
