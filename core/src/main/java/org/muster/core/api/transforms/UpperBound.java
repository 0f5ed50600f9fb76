package org.muster.core.api.transforms;

/**
 * Elementwise {@code y = upperBound - exp(x)} onto {@code (-∞, upperBound)}; log|J| = Σ x.
 */
public final class UpperBound implements Transform {

    private final double upperBound;

    UpperBound(double upperBound) {
        if (!Double.isFinite(upperBound)) {
            throw new IllegalArgumentException("upper bound must be finite, got " + upperBound);
        }
        this.upperBound = upperBound;
    }

    /** The bound the values stay below. */
    public double upperBound() {
        return upperBound;
    }

    @Override
    public String name() {
        return "upper(" + TransformMath.format(upperBound) + ")";
    }

    /** One coordinate per member, mapped on its own. */
    @Override
    public boolean isElementwise() {
        return true;
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
            y[yOffset + i] = upperBound - Math.exp(xi);
            logJacobian += xi;
        }
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        for (int i = 0; i < size; i++) {
            double value = y[yOffset + i];
            if (!(value < upperBound) || value == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("entry " + i + " = " + TransformMath.format(value)
                        + " is not below the upper bound " + TransformMath.format(upperBound)
                        + (value == Double.NEGATIVE_INFINITY ? " and finite" : ""));
            }
            x[xOffset + i] = Math.log(upperBound - value);
        }
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
        for (int i = 0; i < size; i++) {
            xAdjoint[xAdjointOffset + i] +=
                    -yAdjoint[yAdjointOffset + i] * Math.exp(x[xOffset + i]) + jacobianWeight;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpperBound that && Double.compare(upperBound, that.upperBound) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(upperBound) * 31 + 2;
    }

    @Override
    public String toString() {
        return name();
    }
}
