package org.muster.em.api;

/** An EM step decreased the observed-data log likelihood, which a correct E- and M-step never do. */
public final class NonMonotoneStepException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int iteration;

    NonMonotoneStepException(int iteration, double before, double after) {
        super("EM iteration " + iteration + " decreased the observed-data log likelihood (the log posterior, for MAP-EM)"
                + " from " + before + " to "
                + after + "; an exact E-step and M-step never do (Dempster, Laird & Rubin 1977), so one of them is wrong");
        this.iteration = iteration;
    }

    /** The 1-based iteration whose step decreased the log likelihood. */
    public int iteration() {
        return iteration;
    }
}
