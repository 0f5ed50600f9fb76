package org.muster.core.api.transforms;

/**
 * The "transform" of a discrete parameter (a mixture indicator, a count): its integer values sit in
 * the coordinate vector unchanged, no Jacobian, and no gradient flows to them. Only methods that move
 * such coordinates by whole steps (Gibbs, by enumeration) may use a model that has them; the
 * gradient-based ones refuse it.
 */
public final class Discrete implements Transform {

    static final Discrete INSTANCE = new Discrete();

    private Discrete() {
    }

    @Override
    public String name() {
        return "discrete";
    }

    @Override
    public boolean isDiscrete() {
        return true;
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
            if (value != Math.rint(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("entry " + i + " = " + TransformMath.format(value)
                        + " is not an integer");
            }
        }
        System.arraycopy(y, yOffset, x, xOffset, size);
    }

    /** Adds nothing: a discrete coordinate has no derivative. */
    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
    }

    @Override
    public String toString() {
        return name();
    }
}
