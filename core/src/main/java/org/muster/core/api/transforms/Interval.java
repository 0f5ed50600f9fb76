package org.muster.core.api.transforms;

/**
 * Elementwise affine-logistic map {@code y = lower + (upper - lower) · invLogit(x)} onto the open
 * interval {@code (lower, upper)} (the logit transform when it is (0, 1));
 * log|J| = Σ [log(upper - lower) + log invLogit(x) + log invLogit(-x)].
 *
 * <p>The log-Jacobian is computed from log-logistic terms, so it stays finite for |x| up to the
 * exponent range (about 700); the value itself saturates at a bound once {@code invLogit(-|x|)}
 * drops below the bound's rounding unit.
 */
public final class Interval implements Transform {

    private final double lower;
    private final double upper;
    private final double width;
    private final double logWidth;

    Interval(double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new IllegalArgumentException(
                    "interval needs finite bounds lower < upper, got (" + lower + ", " + upper + ")");
        }
        this.lower = lower;
        this.upper = upper;
        this.width = upper - lower;
        if (!Double.isFinite(width)) {
            throw new IllegalArgumentException(
                    "interval (" + lower + ", " + upper + ") is too wide for double precision");
        }
        this.logWidth = Math.log(width);
    }

    /** The lower end of the interval. */
    public double lower() {
        return lower;
    }

    /** The upper end of the interval. */
    public double upper() {
        return upper;
    }

    @Override
    public String name() {
        return "interval(" + TransformMath.format(lower) + ", " + TransformMath.format(upper) + ")";
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
            // Measuring from the nearer bound keeps the small distance to it accurate.
            y[yOffset + i] = xi > 0
                    ? upper - width * TransformMath.invLogit(-xi)
                    : lower + width * TransformMath.invLogit(xi);
            logJacobian += logWidth + TransformMath.logInvLogit(xi) + TransformMath.logInvLogit(-xi);
        }
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        for (int i = 0; i < size; i++) {
            double value = y[yOffset + i];
            if (!(value > lower && value < upper)) {
                throw new IllegalArgumentException("entry " + i + " = " + TransformMath.format(value)
                        + " is not inside the interval (" + TransformMath.format(lower) + ", "
                        + TransformMath.format(upper) + ")");
            }
            // logit((y - lower) / width) from both distances, so neither end loses precision.
            x[xOffset + i] = Math.log(value - lower) - Math.log(upper - value);
        }
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
        for (int i = 0; i < size; i++) {
            double xi = x[xOffset + i];
            double z = TransformMath.invLogit(xi);
            double oneMinusZ = TransformMath.invLogit(-xi);
            xAdjoint[xAdjointOffset + i] += yAdjoint[yAdjointOffset + i] * width * z * oneMinusZ
                    + jacobianWeight * (oneMinusZ - z);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Interval that && Double.compare(lower, that.lower) == 0
                && Double.compare(upper, that.upper) == 0;
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(lower) * 31 + Double.hashCode(upper)) * 31 + 3;
    }

    @Override
    public String toString() {
        return name();
    }
}
