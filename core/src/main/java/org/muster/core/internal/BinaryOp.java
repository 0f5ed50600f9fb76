package org.muster.core.internal;

/** An elementwise function of two inputs; a scalar input broadcasts through a stride of 0. */
final class BinaryOp extends Op {

    private final NodeSpec.OpCode operation;
    private final int left;
    private final int right;
    private final int leftStride;
    private final int rightStride;
    private final int out;
    private final int size;

    BinaryOp(String nodeName, NodeSpec.OpCode operation, int left, int leftStride, int right, int rightStride, int out,
            int size) {
        super(nodeName);
        this.operation = operation;
        this.left = left;
        this.right = right;
        this.leftStride = leftStride;
        this.rightStride = rightStride;
        this.out = out;
        this.size = size;
    }

    @Override
    double forward(double[] v) {
        switch (operation) {
            case ADD -> {
                for (int i = 0; i < size; i++) {
                    v[out + i] = v[left + i * leftStride] + v[right + i * rightStride];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < size; i++) {
                    v[out + i] = v[left + i * leftStride] - v[right + i * rightStride];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < size; i++) {
                    v[out + i] = v[left + i * leftStride] * v[right + i * rightStride];
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < size; i++) {
                    v[out + i] = v[left + i * leftStride] / v[right + i * rightStride];
                }
            }
            case POW -> {
                for (int i = 0; i < size; i++) {
                    v[out + i] = Math.pow(v[left + i * leftStride], v[right + i * rightStride]);
                }
            }
            default -> throw new IllegalStateException("not a binary elementwise operation: " + operation);
        }
        return 0;
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        switch (operation) {
            case ADD -> {
                for (int i = 0; i < size; i++) {
                    double g = adj[out + i];
                    adj[left + i * leftStride] += g;
                    adj[right + i * rightStride] += g;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < size; i++) {
                    double g = adj[out + i];
                    adj[left + i * leftStride] += g;
                    adj[right + i * rightStride] -= g;
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < size; i++) {
                    double g = adj[out + i];
                    int l = left + i * leftStride;
                    int r = right + i * rightStride;
                    adj[l] += g * v[r];
                    adj[r] += g * v[l];
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < size; i++) {
                    double g = adj[out + i];
                    int l = left + i * leftStride;
                    int r = right + i * rightStride;
                    adj[l] += g / v[r];
                    adj[r] -= g * v[out + i] / v[r];
                }
            }
            case POW -> {
                for (int i = 0; i < size; i++) {
                    double g = adj[out + i];
                    int l = left + i * leftStride;
                    int r = right + i * rightStride;
                    double base = v[l];
                    double exponent = v[r];
                    adj[l] += g * exponent * Math.pow(base, exponent - 1);
                    // d/dy x^y = x^y log x; at x = 0 the limit is 0 for y > 0.
                    if (base > 0) {
                        adj[r] += g * v[out + i] * Math.log(base);
                    }
                }
            }
            default -> throw new IllegalStateException("not a binary elementwise operation: " + operation);
        }
    }
}
