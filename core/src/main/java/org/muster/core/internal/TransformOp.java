package org.muster.core.internal;

import org.muster.core.api.transforms.Transform;

/** Maps a parameter's unconstrained coordinates to its constrained value, adding the log-Jacobian. */
final class TransformOp extends Op {

    private final Transform transform;
    private final int freeOffset;
    private final int valueOffset;
    private final int size;

    TransformOp(String nodeName, Transform transform, int freeOffset, int valueOffset, int size) {
        super(nodeName);
        this.transform = transform;
        this.freeOffset = freeOffset;
        this.valueOffset = valueOffset;
        this.size = size;
    }

    @Override
    double forward(double[] values) {
        return transform.constrain(values, freeOffset, values, valueOffset, size);
    }

    @Override
    void backward(double[] values, double[] adjoints, double[] work) {
        transform.backward(values, freeOffset, values, valueOffset, adjoints, valueOffset, adjoints, freeOffset, size, 1.0);
    }

    /** The reverse step of the values alone, without the log-Jacobian's gradient. */
    void backwardValues(double[] values, double[] adjoints) {
        transform.backward(values, freeOffset, values, valueOffset, adjoints, valueOffset, adjoints, freeOffset, size, 0.0);
    }

    @Override
    boolean contributesDensity() {
        return true;
    }
}
