package org.muster.core.internal;

import java.util.Arrays;
import org.muster.core.api.distributions.SpecialFunctions;

/**
 * The negative binomial likelihood ({@code neg_binomial_2(mu, phi)}) of observed counts summed over a
 * plate with a mean per count and one precision phi: the count regression of a GLMM. The kernel
 * costs three log-gammas, two digammas and two {@code log1p} per count in each sweep; here what
 * depends on the counts alone (log x!) is summed at compile time, log Γ(x + phi) - log Γ(phi) and
 * ψ(x + phi) - ψ(phi) are computed once per distinct count and sweep (counts repeat: a plate of
 * thousands has a few dozen distinct values), and each member's term and both derivatives come from
 * two logs, left in buffer slots for the reverse sweep.
 *
 * <p>An invalid argument (a mean or precision that is not positive and finite) makes the plate's
 * sum not finite, and then the op evaluates the plate member by member through the generic op,
 * which gives exactly the kernel's answer (NaN in the term slot tells the reverse sweep to do the
 * same). The counts are checked at compile time.
 */
final class NegativeBinomialDensityOp extends PlateDensityOp {

    private final int size;
    private final int mean;
    private final PlateArgument precision;
    private final double[] counts;
    /** For each member, its count's position among the distinct positive counts, or -1 for a zero count. */
    private final int[] distinctIndex;
    /** The distinct positive counts. */
    private final double[] distinct;
    /** -sum log x!, the part of the sum that depends on the counts alone. */
    private final double constant;
    private final int precisionDerivativeSlot;
    private final int meanDerivativeSlots;
    /** Per distinct count: log Γ(x + phi) - log Γ(phi), then ψ(x + phi) - ψ(phi). */
    private final int logGammaSlots;
    private final int digammaSlots;

    /** Buffer slots for a plate of {@code size} members with {@code distinctCounts} distinct positive counts. */
    static int slots(int size, int distinctCounts) {
        return 2 + size + 2 * distinctCounts;
    }

    /** The number of distinct positive values among the counts. */
    static int distinctPositive(double[] counts) {
        return (int) Arrays.stream(counts).filter(x -> x > 0).distinct().count();
    }

    /**
     * @param generic the same likelihood through the kernel's scalar methods
     * @param counts the observed counts (not modified, not kept), each a valid count
     * @param mean offset of the means, one per count
     * @param precision phi, a scalar
     * @param slots the first of {@link #slots(int, int)} buffer slots of this op's own
     */
    NegativeBinomialDensityOp(UnivariateDensityOp generic, double[] counts, int mean, PlateArgument precision,
            int slots) {
        super(generic, slots);
        this.size = counts.length;
        this.mean = mean;
        this.precision = precision;
        this.counts = counts.clone();
        this.distinct = Arrays.stream(counts).filter(x -> x > 0).distinct().sorted().toArray();
        this.distinctIndex = new int[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            distinctIndex[i] = counts[i] > 0 ? Arrays.binarySearch(distinct, counts[i]) : -1;
            sum -= SpecialFunctions.logGamma(counts[i] + 1);
        }
        this.constant = sum;
        this.precisionDerivativeSlot = slots + 1;
        this.meanDerivativeSlots = slots + 2;
        this.logGammaSlots = slots + 2 + size;
        this.digammaSlots = logGammaSlots + distinct.length;
    }

    /** log p = log Γ(x + phi) - log Γ(phi) - log x! - phi log1p(mu / phi) - x log1p(phi / mu). */
    @Override
    double plateLogDensity(double[] v) {
        double phi = v[precision.offset()];
        if (!(phi > 0 && phi < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        double logGammaPhi = SpecialFunctions.logGamma(phi);
        double digammaPhi = SpecialFunctions.digamma(phi);
        for (int k = 0; k < distinct.length; k++) {
            v[logGammaSlots + k] = SpecialFunctions.logGamma(distinct[k] + phi) - logGammaPhi;
            v[digammaSlots + k] = SpecialFunctions.digamma(distinct[k] + phi) - digammaPhi;
        }
        double sum = 0;
        double dphi = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            double mu = v[mean + i];
            smallest = Math.min(smallest, mu);
            double x = counts[i];
            double total = mu + phi;
            double logOnePlusMuOverPhi = log1p(mu / phi);
            double term = -phi * logOnePlusMuOverPhi;
            double derivative = -logOnePlusMuOverPhi + (mu - x) / total;
            int k = distinctIndex[i];
            if (k >= 0) {
                term += v[logGammaSlots + k] - x * log1p(phi / mu);
                derivative += v[digammaSlots + k];
            }
            sum += term;
            dphi += derivative;
            // x / mu - (x + phi) / (mu + phi) over a common denominator, exactly 0 at x = mu, as the kernel's
            v[meanDerivativeSlots + i] = phi * (x - mu) / (mu * total);
        }
        v[precisionDerivativeSlot] = dphi;
        // a mean of 0 or below (or NaN) is invalid for the kernel; an infinite one leaves a NaN in the sum
        return smallest > 0 ? sum + constant : Double.NaN;
    }

    /**
     * log(1 + r) for r ≥ 0 to about an ulp, with one {@code Math.log} ({@code Math.log1p} is a StrictMath
     * port in JDK 17, several times slower): with u = 1 + r rounded, log(u) · r / (u - 1) corrects the
     * rounding of u (Goldberg 1991, theorem 4).
     */
    private static double log1p(double r) {
        double u = 1 + r;
        return u == 1 ? r : Math.log(u) * r / (u - 1);
    }

    @Override
    void plateBackward(double[] v, double[] adj) {
        for (int i = 0; i < size; i++) {
            adj[mean + i] += v[meanDerivativeSlots + i];
        }
        if (precision.needsAdjoint()) {
            adj[precision.offset()] += v[precisionDerivativeSlot];
        }
    }
}
