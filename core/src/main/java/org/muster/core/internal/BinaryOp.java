package org.muster.core.internal;

/**
 * An elementwise function of two inputs; a scalar input broadcasts over the other's members.
 *
 * <p>Sums, differences and products, the operations on the hot path of most models, have one loop
 * per shape (vector with vector, scalar with vector, vector with scalar) indexed by the loop
 * counter alone, which lets the JIT drop the array bounds checks from the loop; a broadcast input's
 * value is read once and its adjoint summed in a register. Quotients and powers, where the
 * arithmetic dominates, keep one strided loop. The reverse sweep skips inputs that depend on no
 * parameter: their adjoints are never read.
 */
final class BinaryOp extends Op {

    private final NodeSpec.OpCode operation;
    private final int out;
    private final int size;
    private final PlateArgument left;
    private final PlateArgument right;
    /** Read in the loops: fields of this object rather than of the records. */
    private final int leftOffset;
    private final int rightOffset;
    private final boolean leftBroadcast;
    private final boolean rightBroadcast;

    BinaryOp(String nodeName, NodeSpec.OpCode operation, PlateArgument left, PlateArgument right, int out, int size) {
        super(nodeName);
        switch (operation) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, POW -> {
            }
            default -> throw new IllegalArgumentException("not a binary elementwise operation: " + operation);
        }
        this.operation = operation;
        this.left = left;
        this.right = right;
        this.leftOffset = left.offset();
        this.rightOffset = right.offset();
        // With both inputs scalar the output is a scalar: the vector loops do it.
        this.leftBroadcast = left.broadcast() && !right.broadcast();
        this.rightBroadcast = right.broadcast() && !left.broadcast();
        this.out = out;
        this.size = size;
    }

    @Override
    double forward(double[] v) {
        switch (operation) {
            // a - b is exactly a + (-1) b, so one loop serves both.
            case ADD -> forwardSum(v, 1);
            case SUBTRACT -> forwardSum(v, -1);
            case MULTIPLY -> forwardProduct(v);
            default -> forwardStrided(v);
        }
        return 0;
    }

    private void forwardSum(double[] v, double sign) {
        int l = leftOffset;
        int r = rightOffset;
        if (leftBroadcast) {
            double a = v[l];
            for (int i = 0; i < size; i++) {
                v[out + i] = a + sign * v[r + i];
            }
        } else if (rightBroadcast) {
            double b = sign * v[r];
            for (int i = 0; i < size; i++) {
                v[out + i] = v[l + i] + b;
            }
        } else {
            for (int i = 0; i < size; i++) {
                v[out + i] = v[l + i] + sign * v[r + i];
            }
        }
    }

    private void forwardProduct(double[] v) {
        int l = leftOffset;
        int r = rightOffset;
        if (leftBroadcast) {
            double a = v[l];
            for (int i = 0; i < size; i++) {
                v[out + i] = a * v[r + i];
            }
        } else if (rightBroadcast) {
            double b = v[r];
            for (int i = 0; i < size; i++) {
                v[out + i] = v[l + i] * b;
            }
        } else {
            for (int i = 0; i < size; i++) {
                v[out + i] = v[l + i] * v[r + i];
            }
        }
    }

    private void forwardStrided(double[] v) {
        int leftStride = leftBroadcast ? 0 : 1;
        int rightStride = rightBroadcast ? 0 : 1;
        if (operation == NodeSpec.OpCode.DIVIDE) {
            for (int i = 0; i < size; i++) {
                v[out + i] = v[leftOffset + i * leftStride] / v[rightOffset + i * rightStride];
            }
        } else {
            for (int i = 0; i < size; i++) {
                v[out + i] = Math.pow(v[leftOffset + i * leftStride], v[rightOffset + i * rightStride]);
            }
        }
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        switch (operation) {
            case ADD, SUBTRACT -> {
                if (left.needsAdjoint()) {
                    accumulateSum(adj, leftOffset, leftBroadcast, 1);
                }
                if (right.needsAdjoint()) {
                    accumulateSum(adj, rightOffset, rightBroadcast, operation == NodeSpec.OpCode.ADD ? 1 : -1);
                }
            }
            case MULTIPLY -> {
                if (left.needsAdjoint()) {
                    accumulateProduct(v, adj, leftOffset, leftBroadcast, rightOffset, rightBroadcast);
                }
                if (right.needsAdjoint()) {
                    accumulateProduct(v, adj, rightOffset, rightBroadcast, leftOffset, leftBroadcast);
                }
            }
            default -> backwardStrided(v, adj);
        }
    }

    /** Adds {@code sign} times the output's adjoint to an input's (a sum's or difference's partial is ±1). */
    private void accumulateSum(double[] adj, int input, boolean broadcast, double sign) {
        if (broadcast) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += adj[out + i];
            }
            adj[input] += sign * sum;
        } else {
            for (int i = 0; i < size; i++) {
                adj[input + i] += sign * adj[out + i];
            }
        }
    }

    /** Adds the output's adjoint times the other factor to a factor's adjoint. */
    private void accumulateProduct(double[] v, double[] adj, int input, boolean broadcast, int other,
            boolean otherBroadcast) {
        if (broadcast) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += adj[out + i] * v[other + i];
            }
            adj[input] += sum;
        } else if (otherBroadcast) {
            double factor = v[other];
            for (int i = 0; i < size; i++) {
                adj[input + i] += adj[out + i] * factor;
            }
        } else {
            for (int i = 0; i < size; i++) {
                adj[input + i] += adj[out + i] * v[other + i];
            }
        }
    }

    private void backwardStrided(double[] v, double[] adj) {
        int leftStride = leftBroadcast ? 0 : 1;
        int rightStride = rightBroadcast ? 0 : 1;
        boolean leftAdjoint = left.needsAdjoint();
        boolean rightAdjoint = right.needsAdjoint();
        if (operation == NodeSpec.OpCode.DIVIDE) {
            for (int i = 0; i < size; i++) {
                double g = adj[out + i];
                int l = leftOffset + i * leftStride;
                int r = rightOffset + i * rightStride;
                if (leftAdjoint) {
                    adj[l] += g / v[r];
                }
                if (rightAdjoint) {
                    adj[r] -= g * v[out + i] / v[r];
                }
            }
        } else {
            for (int i = 0; i < size; i++) {
                double g = adj[out + i];
                int l = leftOffset + i * leftStride;
                int r = rightOffset + i * rightStride;
                double base = v[l];
                double exponent = v[r];
                if (leftAdjoint) {
                    adj[l] += g * exponent * Math.pow(base, exponent - 1);
                }
                // d/dy x^y = x^y log x; at x = 0 the limit is 0 for y > 0.
                if (rightAdjoint && base > 0) {
                    adj[r] += g * v[out + i] * Math.log(base);
                }
            }
        }
    }
}
