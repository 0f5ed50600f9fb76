package org.muster.core.internal;

/** An elementwise function of one input. */
final class UnaryOp extends Op {

    private final NodeSpec.OpCode operation;
    private final int in;
    private final int out;
    private final int size;

    UnaryOp(String nodeName, NodeSpec.OpCode operation, int in, int out, int size) {
        super(nodeName);
        this.operation = operation;
        this.in = in;
        this.out = out;
        this.size = size;
    }

    @Override
    double forward(double[] v) {
        for (int i = 0; i < size; i++) {
            v[out + i] = apply(operation, v[in + i]);
        }
        return 0;
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        for (int i = 0; i < size; i++) {
            adj[in + i] += adj[out + i] * derivative(operation, v[in + i], v[out + i]);
        }
    }

    static double apply(NodeSpec.OpCode operation, double x) {
        return switch (operation) {
            case NEGATE -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case EXPM1 -> Math.expm1(x);
            case INV_LOGIT -> invLogit(x);
            case LOG_INV_LOGIT -> logInvLogit(x);
            case SQUARE -> x * x;
            case SQRT -> Math.sqrt(x);
            default -> throw new IllegalStateException("not a unary elementwise operation: " + operation);
        };
    }

    /** d out / d x, given both (reusing the output where it saves a transcendental call). */
    static double derivative(NodeSpec.OpCode operation, double x, double out) {
        return switch (operation) {
            case NEGATE -> -1;
            case EXP -> out;
            case LOG -> 1 / x;
            case LOG1P -> 1 / (1 + x);
            case EXPM1 -> out + 1;
            case INV_LOGIT -> out * (1 - out);
            case LOG_INV_LOGIT -> invLogit(-x);
            case SQUARE -> 2 * x;
            case SQRT -> 0.5 / out;
            default -> throw new IllegalStateException("not a unary elementwise operation: " + operation);
        };
    }

    static double invLogit(double x) {
        // Branch on the sign so exp never overflows.
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static double logInvLogit(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }
}
