package org.muster.core.api.transforms;

/**
 * Elementwise {@code y = lowerBound + exp(x)} onto {@code (lowerBound, ∞)}; log|J| = Σ x.
 */
public final class LowerBound implements Transform {

    private final double lowerBound;

    LowerBound(double lowerBound) {
        if (!Double.isFinite(lowerBound)) {
            throw new IllegalArgumentException("lower bound must be finite, got " + lowerBound);
        }
        this.lowerBound = lowerBound;
    }

    /** The bound the values stay above. */
    public double lowerBound() {
        return lowerBound;
    }

    @Override
    public String name() {
        return "lower(" + TransformMath.format(lowerBound) + ")";
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
            y[yOffset + i] = lowerBound + Math.exp(xi);
            logJacobian += xi;
        }
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        for (int i = 0; i < size; i++) {
            double value = y[yOffset + i];
            if (!(value > lowerBound) || value == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("entry " + i + " = " + TransformMath.format(value)
                        + " is not above the lower bound " + TransformMath.format(lowerBound)
                        + (value == Double.POSITIVE_INFINITY ? " and finite" : ""));
            }
            x[xOffset + i] = Math.log(value - lowerBound);
        }
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
        for (int i = 0; i < size; i++) {
            xAdjoint[xAdjointOffset + i] +=
                    yAdjoint[yAdjointOffset + i] * Math.exp(x[xOffset + i]) + jacobianWeight;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LowerBound that && Double.compare(lowerBound, that.lowerBound) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lowerBound) * 31 + 1;
    }

    @Override
    public String toString() {
        return name();
    }
}
