package org.muster.core.api.transforms;

/**
 * Elementwise onto a half-line: {@code y = bound + exp(x)} onto {@code (bound, ∞)} for a lower bound,
 * {@code y = bound - exp(x)} onto {@code (-∞, bound)} for an upper bound; log|J| = Σ x either way.
 * {@link Transforms#lower} and {@link Transforms#upper} make them.
 */
public final class HalfLine implements Transform {

    private final double bound;
    private final boolean lower;

    /**
     * @param lower whether values stay above {@code bound} (else below it)
     * @throws IllegalArgumentException for a bound that is not finite
     */
    HalfLine(double bound, boolean lower) {
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException((lower ? "lower" : "upper") + " bound must be finite, got " + bound);
        }
        this.bound = bound;
        this.lower = lower;
    }

    /** The bound the values stay above ({@link #isLowerBound()}) or below. */
    public double bound() {
        return bound;
    }

    /** Whether the values stay above {@link #bound()} (else below it). */
    public boolean isLowerBound() {
        return lower;
    }

    @Override
    public String name() {
        return (lower ? "lower(" : "upper(") + TransformMath.format(bound) + ")";
    }

    @Override
    public int freeSize(int size) {
        return size;
    }

    @Override
    public double constrain(double[] x, int xOffset, double[] y, int yOffset, int size) {
        double logJacobian = 0.0;
        for (int i = 0; i < size; i++) {
            double xi = x[xOffset + i];
            y[yOffset + i] = lower ? bound + Math.exp(xi) : bound - Math.exp(xi);
            logJacobian += xi;
        }
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        for (int i = 0; i < size; i++) {
            double value = y[yOffset + i];
            // the far end of the half-line is not a value either
            double far = lower ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            if (!(lower ? value > bound : value < bound) || value == far) {
                throw new IllegalArgumentException("entry " + i + " = " + TransformMath.format(value)
                        + (lower ? " is not above the lower bound " : " is not below the upper bound ")
                        + TransformMath.format(bound) + (value == far ? " and finite" : ""));
            }
            x[xOffset + i] = Math.log(lower ? value - bound : bound - value);
        }
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
        for (int i = 0; i < size; i++) {
            double adjoint = yAdjoint[yAdjointOffset + i];
            xAdjoint[xAdjointOffset + i] += (lower ? adjoint : -adjoint) * Math.exp(x[xOffset + i]) + jacobianWeight;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HalfLine that && lower == that.lower && Double.compare(bound, that.bound) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(bound) * 31 + (lower ? 1 : 2);
    }

    @Override
    public String toString() {
        return name();
    }
}
