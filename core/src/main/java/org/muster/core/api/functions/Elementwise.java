package org.muster.core.api.functions;

import java.util.List;

/**
 * A function applied member by member to one, two or three arguments; a scalar argument broadcasts
 * over the others, which must agree in shape.
 */
abstract class Elementwise implements NodeFunction {

    private final String name;
    private final int arity;

    Elementwise(String name, int arity) {
        this.name = name;
        this.arity = arity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] resultDimensions(List<int[]> arguments) {
        if (arguments.size() != arity) {
            throw new IllegalArgumentException(name + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got "
                    + arguments.size());
        }
        int[] shape = new int[0];
        for (int[] s : arguments) {
            if (Dimensions.size(s) == 1) {
                continue;
            }
            if (shape.length > 0 && !java.util.Arrays.equals(shape, s)) {
                throw new IllegalArgumentException(name + ": arguments of shapes " + Dimensions.describe(shape) + " and "
                        + Dimensions.describe(s) + " do not match; only scalars broadcast");
            }
            shape = s.clone();
        }
        return shape;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The value at one member. */
    abstract double value(double a, double b, double c);

    /** d value / d argument {@code k} at one member, given the value. */
    abstract double partial(int k, double a, double b, double c, double value);

    @Override
    public void evaluate(double[] v, int[] offsets, int[] sizes, int out, int size, int scratch) {
        int a = offsets[0];
        int sa = sizes[0] == 1 ? 0 : 1;
        int b = arity > 1 ? offsets[1] : a;
        int sb = arity > 1 && sizes[1] != 1 ? 1 : 0;
        int c = arity > 2 ? offsets[2] : a;
        int sc = arity > 2 && sizes[2] != 1 ? 1 : 0;
        for (int i = 0; i < size; i++) {
            v[out + i] = value(v[a + i * sa], v[b + i * sb], v[c + i * sc]);
        }
    }

    @Override
    public void backward(double[] v, double[] adj, int[] offsets, int[] sizes, int out, int size, int scratch) {
        for (int k = 0; k < arity; k++) {
            int a = offsets[0];
            int sa = sizes[0] == 1 ? 0 : 1;
            int b = arity > 1 ? offsets[1] : a;
            int sb = arity > 1 && sizes[1] != 1 ? 1 : 0;
            int c = arity > 2 ? offsets[2] : a;
            int sc = arity > 2 && sizes[2] != 1 ? 1 : 0;
            int target = offsets[k];
            int stride = sizes[k] == 1 ? 0 : 1;
            for (int i = 0; i < size; i++) {
                double g = adj[out + i];
                if (g != 0) {
                    adj[target + i * stride] += g * partial(k, v[a + i * sa], v[b + i * sb], v[c + i * sc], v[out + i]);
                }
            }
        }
    }

    /** A function of one argument given by its value and derivative. */
    static final class Unary extends Elementwise {
        interface Value {
            double at(double x);
        }

        interface Derivative {
            double at(double x, double value);
        }

        private final Value value;
        private final Derivative derivative;
        private final boolean differentiable;

        Unary(String name, Value value, Derivative derivative) {
            super(name, 1);
            this.value = value;
            this.derivative = derivative;
            this.differentiable = derivative != null;
        }

        @Override
        double value(double a, double b, double c) {
            return value.at(a);
        }

        @Override
        double partial(int k, double a, double b, double c, double v) {
            return derivative.at(a, v);
        }

        @Override
        public boolean isDifferentiable() {
            return differentiable;
        }
    }

    /** A comparison or logical operator: 1 where it holds, 0 where not; no gradient. */
    static final class Test extends Elementwise {
        interface Predicate {
            boolean holds(double a, double b);
        }

        private final Predicate predicate;

        Test(String name, Predicate predicate) {
            super(name, 2);
            this.predicate = predicate;
        }

        @Override
        double value(double a, double b, double c) {
            return predicate.holds(a, b) ? 1 : 0;
        }

        @Override
        double partial(int k, double a, double b, double c, double value) {
            return 0;
        }

        @Override
        public boolean isDifferentiable() {
            return false;
        }
    }

    /** {@code ifelse(condition, a, b)}: a where the condition is not 0, else b; the gradient flows to the branch taken. */
    static final class IfElse extends Elementwise {
        IfElse() {
            super("ifelse", 3);
        }

        @Override
        double value(double condition, double a, double b) {
            return condition != 0 ? a : b;
        }

        @Override
        double partial(int k, double condition, double a, double b, double value) {
            return switch (k) {
                case 1 -> condition != 0 ? 1 : 0;
                case 2 -> condition != 0 ? 0 : 1;
                default -> 0;
            };
        }
    }

    /** Elementwise maximum or minimum of two arguments; the gradient flows to the one chosen. */
    static final class Extreme extends Elementwise {
        private final boolean maximum;

        Extreme(boolean maximum) {
            super(maximum ? "max" : "min", 2);
            this.maximum = maximum;
        }

        @Override
        double value(double a, double b, double c) {
            return maximum ? Math.max(a, b) : Math.min(a, b);
        }

        @Override
        double partial(int k, double a, double b, double c, double value) {
            boolean first = maximum ? a >= b : a <= b;
            return (k == 0) == first ? 1 : 0;
        }
    }
}
