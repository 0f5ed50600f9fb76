package org.muster.app.api;

/** A run cancelled before every chain kept {@value FitPipeline#MINIMUM_DRAWS} draws: too few to summarize or write. */
public final class FitInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int drawsPerChain;

    FitInterruptedException(int drawsPerChain) {
        super("interrupted with " + drawsPerChain + " draws per chain, too few to summarize");
        this.drawsPerChain = drawsPerChain;
    }

    /** Draws every chain had kept when the run stopped. */
    public int drawsPerChain() {
        return drawsPerChain;
    }
}
