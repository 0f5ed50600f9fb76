package org.muster.core.api.transforms;

/**
 * A smooth bijection from an unconstrained real space onto a constrained set (positive reals, an
 * interval, the simplex, Cholesky factors of correlation matrices), with the log absolute
 * determinant of its Jacobian. Samplers move in the unconstrained space; the log-Jacobian keeps the
 * density correct there. Transforms are immutable and thread-safe and allocate nothing.
 *
 * <p>Arrays are caller-owned; offsets say where the block starts. {@code size} is always the
 * constrained size (K × K for a matrix); the unconstrained block has {@link #freeSize(int)} entries.
 */
public interface Transform {

    /** Identifier for messages, e.g. {@code "lower(0)"}. */
    String name();

    /**
     * Whether the coordinates are discrete values held as they are ({@link Transforms#discrete()}):
     * they have no gradient and only whole steps move them.
     */
    default boolean isDiscrete() {
        return false;
    }

    /**
     * Whether each constrained member is a function of its own unconstrained coordinate alone (the same
     * number of each, and {@link #constrain} of one member at its offset with size 1 is that member's
     * part of the map and of the log-Jacobian), so a block can be updated member by member.
     */
    default boolean isElementwise() {
        return false;
    }

    /** Number of unconstrained coordinates for a constrained block of {@code size} entries. */
    int freeSize(int size);

    /**
     * Maps {@code x} to the constrained {@code y}.
     *
     * @param x not modified
     * @param y modified: receives {@code size} entries
     * @return log |det J| of the map at {@code x}
     */
    double constrain(double[] x, int xOffset, double[] y, int yOffset, int size);

    /**
     * The inverse map: constrained {@code y} to unconstrained {@code x}.
     *
     * @param y not modified
     * @param x modified: receives {@link #freeSize(int)} entries
     * @throws IllegalArgumentException if {@code y} is outside the constrained set, saying which entry
     */
    void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size);

    /**
     * Reverse-mode step: adds to {@code xAdjoint} the gradient with respect to {@code x} of
     * {@code sum(yAdjoint * y(x)) + jacobianWeight * log|det J(x)|}.
     *
     * @param x not modified, the point {@code y} was computed from
     * @param y not modified, the result of {@link #constrain} at {@code x}
     * @param yAdjoint not modified
     * @param xAdjoint modified: gradients are added, never assigned
     */
    void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight);
}
