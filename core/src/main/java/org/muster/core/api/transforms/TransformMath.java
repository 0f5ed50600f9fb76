package org.muster.core.api.transforms;

/** Numerically stable scalar helpers shared by the transforms; package-private. */
final class TransformMath {

    private TransformMath() {
    }

    /** The logistic function {@code 1 / (1 + exp(-x))}, without overflow for any finite x. */
    static double invLogit(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** {@code log(invLogit(x))}, finite for every finite x (no log of an underflowed 0). */
    static double logInvLogit(double x) {
        if (x >= 0) {
            return -Math.log1p(Math.exp(-x));
        }
        return x - Math.log1p(Math.exp(x));
    }

    /** {@code log(1 - tanh(x)^2) = log(sech(x)^2)}, finite for every finite x. */
    static double logOneMinusTanhSquared(double x) {
        double a = Math.abs(x);
        // sech(x) = 2 e^{-a} / (1 + e^{-2a}); working in logs avoids 1 - tanh^2 cancelling to 0.
        return 2.0 * (Math.log(2.0) - a - Math.log1p(Math.exp(-2.0 * a)));
    }

    /** Formats a number for messages: integers without a trailing {@code .0}. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
