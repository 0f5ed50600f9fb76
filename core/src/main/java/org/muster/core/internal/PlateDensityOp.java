package org.muster.core.internal;

/**
 * A density op that scores a whole plate at once, on a fast path that checks no member, with the
 * generic op over the kernel's scalar methods as its fallback: when the fast path's sum is not finite
 * (some argument is invalid), the forward sweep evaluates the plate again through the generic op,
 * which gives exactly the kernel's answer, and leaves NaN in the op's term slot so that the reverse
 * sweep takes the generic path too. Subclasses give the fast path's two sweeps.
 */
abstract class PlateDensityOp extends Op {

    private final UnivariateDensityOp generic;
    private final int termSlot;

    /**
     * @param generic the same density through the kernel's scalar methods
     * @param termSlot a buffer slot of the op's own, for the forward sweep's term (NaN after the fallback)
     */
    PlateDensityOp(UnivariateDensityOp generic, int termSlot) {
        super(generic.nodeName);
        this.generic = generic;
        this.termSlot = termSlot;
    }

    /**
     * The plate's log density by the fast path, leaving what the reverse sweep needs in the op's slots;
     * any value that is not finite (NaN included) sends the plate to the generic op.
     */
    abstract double plateLogDensity(double[] v);

    /** Adds the fast path's adjoints, after {@link #plateLogDensity} gave a finite term. */
    abstract void plateBackward(double[] v, double[] adj);

    @Override
    final double forward(double[] v) {
        double term = plateLogDensity(v);
        if (term > Double.NEGATIVE_INFINITY && term < Double.POSITIVE_INFINITY) {
            v[termSlot] = term;
            return term;
        }
        v[termSlot] = Double.NaN;
        return generic.forward(v);
    }

    @Override
    final void backward(double[] v, double[] adj, double[] work) {
        if (Double.isNaN(v[termSlot])) {
            // some member is invalid: its gradient is the kernel's (0), not NaN
            generic.backward(v, adj, work);
            return;
        }
        plateBackward(v, adj);
    }

    @Override
    final boolean contributesDensity() {
        return true;
    }
}
