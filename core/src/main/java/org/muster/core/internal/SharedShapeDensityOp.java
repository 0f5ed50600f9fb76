package org.muster.core.internal;

import org.muster.core.api.distributions.SpecialFunctions;

/**
 * The beta or gamma log density summed over a plate whose two parameters are both scalars, as in
 * {@code theta ~ beta(alpha, beta)} for all units: the normalizing constant (log B(a, b), or
 * a log b − log Γ(a)) and the digammas of the gradient are computed once per sweep instead of once per
 * member, leaving two logs (beta) or one (gamma) per member. The forward sweep leaves its term and the
 * plate's sums of log x and log(1 − x) (beta) or log x and x (gamma) in buffer slots of its own for
 * the reverse sweep.
 *
 * <p>Like {@link NormalDensityOp}, the fast loop does not check each member: an invalid argument makes
 * the sum NaN or infinite, and the op then evaluates the plate member by member through the generic
 * op, which gives exactly the kernel's answer; a NaN term slot sends the reverse sweep the same way.
 */
final class SharedShapeDensityOp extends PlateDensityOp {

    /** Buffer slots an op needs for what its forward sweep leaves to its reverse sweep. */
    static final int SLOTS = 3;

    private final boolean beta;
    private final int size;
    private final int value;
    private final boolean valueNeedsAdjoint;
    private final int first;
    private final int second;
    private final int sumSlot;
    private final int otherSumSlot;

    /**
     * @param beta true for beta(a, b), false for gamma(shape, rate)
     * @param first the first parameter's slot (a scalar)
     * @param second the second parameter's slot (a scalar)
     * @param slots the first of {@link #SLOTS} buffer slots of this op's own
     */
    SharedShapeDensityOp(UnivariateDensityOp generic, boolean beta, int size, PlateArgument value, int first,
            int second, int slots) {
        super(generic, slots);
        this.beta = beta;
        this.size = size;
        this.value = value.offset();
        this.valueNeedsAdjoint = value.needsAdjoint();
        this.first = first;
        this.second = second;
        this.sumSlot = slots + 1;
        this.otherSumSlot = slots + 2;
    }

    @Override
    double plateLogDensity(double[] v) {
        double a = v[first];
        double b = v[second];
        double term = Double.NaN;
        if (a > 0 && b > 0 && a < Double.POSITIVE_INFINITY && b < Double.POSITIVE_INFINITY) {
            double sumLog = 0;
            double sumOther = 0;
            if (beta) {
                for (int i = 0; i < size; i++) {
                    double x = v[value + i];
                    sumLog += Math.log(x);
                    sumOther += Math.log1p(-x);
                }
                term = (a - 1) * sumLog + (b - 1) * sumOther - size * SpecialFunctions.logBeta(a, b);
            } else {
                for (int i = 0; i < size; i++) {
                    double x = v[value + i];
                    sumLog += Math.log(x);
                    sumOther += x;
                }
                term = size * (a * Math.log(b) - SpecialFunctions.logGamma(a)) + (a - 1) * sumLog - b * sumOther;
            }
            v[sumSlot] = sumLog;
            v[otherSumSlot] = sumOther;
        }
        return term;
    }

    /**
     * From the sums of log x and log(1 − x) (or x) the last forward sweep left, when the plate's values
     * are unchanged since: constant time in the plate's size. A term that is not finite takes the full
     * sweep (and its fallback), as {@link #forward} would.
     */
    @Override
    double forwardArguments(double[] v) {
        double a = v[first];
        double b = v[second];
        if (a > 0 && b > 0 && a < Double.POSITIVE_INFINITY && b < Double.POSITIVE_INFINITY) {
            double sumLog = v[sumSlot];
            double sumOther = v[otherSumSlot];
            double term = beta ? (a - 1) * sumLog + (b - 1) * sumOther - size * SpecialFunctions.logBeta(a, b)
                    : size * (a * Math.log(b) - SpecialFunctions.logGamma(a)) + (a - 1) * sumLog - b * sumOther;
            if (term > Double.NEGATIVE_INFINITY && term < Double.POSITIVE_INFINITY) {
                return term;
            }
        }
        return forward(v);
    }

    @Override
    void plateBackward(double[] v, double[] adj) {
        double a = v[first];
        double b = v[second];
        double sumLog = v[sumSlot];
        double sumOther = v[otherSumSlot];
        if (beta) {
            if (valueNeedsAdjoint) {
                double am1 = a - 1;
                double bm1 = b - 1;
                for (int i = 0; i < size; i++) {
                    double x = v[value + i];
                    adj[value + i] += am1 / x - bm1 / (1 - x);
                }
            }
            double digammaSum = SpecialFunctions.digamma(a + b);
            adj[first] += size * (digammaSum - SpecialFunctions.digamma(a)) + sumLog;
            adj[second] += size * (digammaSum - SpecialFunctions.digamma(b)) + sumOther;
        } else {
            if (valueNeedsAdjoint) {
                double am1 = a - 1;
                for (int i = 0; i < size; i++) {
                    adj[value + i] += am1 / v[value + i] - b;
                }
            }
            adj[first] += size * (Math.log(b) - SpecialFunctions.digamma(a)) + sumLog;
            adj[second] += size * a / b - sumOther;
        }
    }
}
