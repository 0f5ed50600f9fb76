package org.muster.em.internal.optim;

/** A smooth function of a real vector to be minimized, with its gradient. */
public interface DifferentiableObjective {

    /** Number of coordinates. */
    int dimension();

    /**
     * The value at {@code x} and its gradient; a value that is not finite marks a point outside the
     * domain, and the line search steps back from it.
     *
     * @param x not modified
     * @param gradient modified: receives df/dx
     */
    double valueGradient(double[] x, double[] gradient);

    /**
     * Whether the value and every component of the gradient are finite at {@code x}: a usable start.
     *
     * @param x not modified
     * @param gradient modified: receives df/dx
     */
    default boolean isFiniteAt(double[] x, double[] gradient) {
        boolean finite = Double.isFinite(valueGradient(x, gradient));
        for (double g : gradient) {
            finite &= Double.isFinite(g);
        }
        return finite;
    }
}
