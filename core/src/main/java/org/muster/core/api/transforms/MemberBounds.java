package org.muster.core.api.transforms;

import java.util.Arrays;

/**
 * Bounds of its own for each member: member i maps onto {@code (lower[i], upper[i])} by the affine
 * logistic map when both are finite, onto {@code (lower[i], inf)} by {@code lower + exp(x)}, onto
 * {@code (-inf, upper[i])} by {@code upper - exp(x)}, and is left as it is when both are infinite.
 * For parameters whose censoring or truncation limits differ member by member.
 */
public final class MemberBounds implements Transform {

    private final double[] lower;
    private final double[] upper;

    private MemberBounds(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * Bounds per member; {@code -inf} and {@code +inf} for no bound.
     *
     * @param lower not modified (copied)
     * @param upper not modified (copied), same length as {@code lower}
     * @throws IllegalArgumentException if the lengths differ or some lower bound is not below its upper bound
     */
    public static MemberBounds of(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException(lower.length + " lower bounds but " + upper.length + " upper bounds");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] < upper[i]) || Double.isNaN(lower[i]) || Double.isNaN(upper[i])) {
                throw new IllegalArgumentException("member " + (i + 1) + ": lower bound " + TransformMath.format(lower[i])
                        + " is not below upper bound " + TransformMath.format(upper[i]));
            }
        }
        return new MemberBounds(lower.clone(), upper.clone());
    }

    /** Lower bound of member {@code i} (0-based). */
    public double lower(int i) {
        return lower[i];
    }

    /** Upper bound of member {@code i} (0-based). */
    public double upper(int i) {
        return upper[i];
    }

    @Override
    public String name() {
        return "bounds per member";
    }

    @Override
    public int freeSize(int size) {
        return size;
    }

    private void checkSize(int size) {
        if (size != lower.length) {
            throw new IllegalArgumentException("bounds for " + lower.length + " members applied to " + size);
        }
    }

    @Override
    public double constrain(double[] x, int xOffset, double[] y, int yOffset, int size) {
        checkSize(size);
        double logJacobian = 0;
        for (int i = 0; i < size; i++) {
            double xi = x[xOffset + i];
            double lo = lower[i];
            double hi = upper[i];
            if (lo > Double.NEGATIVE_INFINITY && hi < Double.POSITIVE_INFINITY) {
                double width = hi - lo;
                y[yOffset + i] = xi > 0 ? hi - width * TransformMath.invLogit(-xi) : lo + width * TransformMath.invLogit(xi);
                logJacobian += Math.log(width) + TransformMath.logInvLogit(xi) + TransformMath.logInvLogit(-xi);
            } else if (lo > Double.NEGATIVE_INFINITY) {
                y[yOffset + i] = lo + Math.exp(xi);
                logJacobian += xi;
            } else if (hi < Double.POSITIVE_INFINITY) {
                y[yOffset + i] = hi - Math.exp(xi);
                logJacobian += xi;
            } else {
                y[yOffset + i] = xi;
            }
        }
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        checkSize(size);
        for (int i = 0; i < size; i++) {
            double value = y[yOffset + i];
            double lo = lower[i];
            double hi = upper[i];
            if (!(value > lo && value < hi)) {
                throw new IllegalArgumentException("entry " + i + " = " + TransformMath.format(value)
                        + " is not inside its bounds (" + TransformMath.format(lo) + ", " + TransformMath.format(hi) + ")");
            }
            if (lo > Double.NEGATIVE_INFINITY && hi < Double.POSITIVE_INFINITY) {
                x[xOffset + i] = Math.log(value - lo) - Math.log(hi - value);
            } else if (lo > Double.NEGATIVE_INFINITY) {
                x[xOffset + i] = Math.log(value - lo);
            } else if (hi < Double.POSITIVE_INFINITY) {
                x[xOffset + i] = Math.log(hi - value);
            } else {
                x[xOffset + i] = value;
            }
        }
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint, int yAdjointOffset,
            double[] xAdjoint, int xAdjointOffset, int size, double jacobianWeight) {
        for (int i = 0; i < size; i++) {
            double xi = x[xOffset + i];
            double g = yAdjoint[yAdjointOffset + i];
            double lo = lower[i];
            double hi = upper[i];
            if (lo > Double.NEGATIVE_INFINITY && hi < Double.POSITIVE_INFINITY) {
                double z = TransformMath.invLogit(xi);
                double oneMinusZ = TransformMath.invLogit(-xi);
                xAdjoint[xAdjointOffset + i] += g * (hi - lo) * z * oneMinusZ + jacobianWeight * (oneMinusZ - z);
            } else if (lo > Double.NEGATIVE_INFINITY) {
                xAdjoint[xAdjointOffset + i] += g * Math.exp(xi) + jacobianWeight;
            } else if (hi < Double.POSITIVE_INFINITY) {
                xAdjoint[xAdjointOffset + i] += -g * Math.exp(xi) + jacobianWeight;
            } else {
                xAdjoint[xAdjointOffset + i] += g;
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberBounds that && Arrays.equals(lower, that.lower) && Arrays.equals(upper, that.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return name();
    }
}
