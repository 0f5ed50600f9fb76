package org.muster.core.api.transforms;

/** The identity map on unconstrained reals; its log-Jacobian is 0. */
public final class Identity implements Transform {

    static final Identity INSTANCE = new Identity();

    private Identity() {
    }

    @Override
    public String name() {
        return "identity";
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
        System.arraycopy(x, xOffset, y, yOffset, size);
        return 0.0;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        for (int i = 0; i < size; i++) {
            double value = y[yOffset + i];
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "entry " + i + " = " + TransformMath.format(value) + " is not a finite real number");
            }
        }
        System.arraycopy(y, yOffset, x, xOffset, size);
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
        for (int i = 0; i < size; i++) {
            xAdjoint[xAdjointOffset + i] += yAdjoint[yAdjointOffset + i];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
