package org.muster.core.internal;

/**
 * The normal log density summed over a plate, the hottest op of most hierarchical models. Unlike
 * {@link UnivariateDensityOp}, it works on the plate as a whole: a broadcast scale's log and
 * reciprocal are computed once per sweep rather than once per member (a log costs more than the rest
 * of a member's term), a data scale's logs are computed once at compile time, and adjoints of values
 * that depend on no parameter are not accumulated at all.
 *
 * <p>With a broadcast scale, the forward sweep sums z² (and z, for a broadcast mean), z = (x - μ)/σ,
 * with four partial sums so that additions overlap, and leaves the sums in buffer slots of its own:
 * the broadcast arguments' adjoints, Σ(z² - 1)/σ and Σz/σ, then need no sum in the reverse sweep,
 * whose loops only stream.
 *
 * <p>The fast loops do not check each member's arguments: any invalid argument (a non-finite value or
 * mean, a scale that is not positive and finite) makes the plate's sum NaN or infinite, and then
 * the op evaluates the plate again member by member through the generic op, which gives exactly the
 * kernel's own answer. The forward sweep leaves its term in a slot too, NaN after that fallback,
 * so the reverse sweep knows which path to take without checking again.
 */
final class NormalDensityOp extends PlateDensityOp {

    /** Buffer slots an op needs for what its forward sweep leaves to its reverse sweep. */
    static final int SLOTS = 3;

    /** log(2π) / 2, as in the normal kernel. */
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final int size;
    private final int value;
    private final boolean valueNeedsAdjoint;
    private final int mean;
    private final boolean meanBroadcast;
    private final boolean meanNeedsAdjoint;
    private final int scale;
    private final boolean scaleBroadcast;
    private final boolean scaleNeedsAdjoint;
    /** For a data scale vector: log and reciprocal of each member, else {@code null}. */
    private final double[] logScale;
    private final double[] inverseScale;
    /** For a broadcast data scale: its log, else NaN. */
    private final double broadcastLogScale;
    /** Slots of Σz² and Σz (the first of the op's slots holds its term, see {@link PlateDensityOp}). */
    private final int squaresSlot;
    private final int residualsSlot;

    /**
     * @param generic the same density through the kernel's scalar methods, for invalid arguments
     * @param value the plate's values, one per member
     * @param mean the mean, one per member or broadcast
     * @param scale the standard deviation, one per member or broadcast
     * @param dataScale the scale's members (one if it broadcasts) if they are data, else {@code null}
     *     (not modified, not kept); an invalid member only sends every sweep down the generic path
     * @param slots the first of {@link #SLOTS} buffer slots of this op's own
     */
    NormalDensityOp(UnivariateDensityOp generic, int size, PlateArgument value, PlateArgument mean,
            PlateArgument scale, double[] dataScale, int slots) {
        super(generic, slots);
        this.size = size;
        this.value = value.offset();
        this.valueNeedsAdjoint = value.needsAdjoint();
        this.mean = mean.offset();
        this.meanBroadcast = mean.broadcast();
        this.meanNeedsAdjoint = mean.needsAdjoint();
        this.scale = scale.offset();
        this.scaleBroadcast = scale.broadcast();
        this.scaleNeedsAdjoint = scale.needsAdjoint();
        if (dataScale != null && !scale.broadcast()) {
            logScale = new double[size];
            inverseScale = new double[size];
            for (int i = 0; i < size; i++) {
                logScale[i] = Math.log(dataScale[i]);
                inverseScale[i] = 1 / dataScale[i];
            }
        } else {
            logScale = null;
            inverseScale = null;
        }
        broadcastLogScale = dataScale != null && scale.broadcast() ? Math.log(dataScale[0]) : Double.NaN;
        this.squaresSlot = slots + 1;
        this.residualsSlot = slots + 2;
    }

    @Override
    double plateLogDensity(double[] v) {
        return scaleBroadcast ? broadcastScaleTerm(v) : memberScaleTerm(v);
    }

    private double broadcastScaleTerm(double[] v) {
        double sigma = v[scale];
        double inverse = 1 / sigma;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        if (meanBroadcast) {
            double mu = v[mean];
            double r0 = 0;
            double r1 = 0;
            for (; i + 1 < size; i += 2) {
                double z0 = (v[value + i] - mu) * inverse;
                double z1 = (v[value + i + 1] - mu) * inverse;
                r0 += z0;
                r1 += z1;
                s0 += z0 * z0;
                s1 += z1 * z1;
            }
            if (i < size) {
                double z = (v[value + i] - mu) * inverse;
                r0 += z;
                s0 += z * z;
            }
            v[residualsSlot] = r0 + r1;
        } else {
            for (; i + 3 < size; i += 4) {
                double z0 = (v[value + i] - v[mean + i]) * inverse;
                double z1 = (v[value + i + 1] - v[mean + i + 1]) * inverse;
                double z2 = (v[value + i + 2] - v[mean + i + 2]) * inverse;
                double z3 = (v[value + i + 3] - v[mean + i + 3]) * inverse;
                s0 += z0 * z0;
                s1 += z1 * z1;
                s2 += z2 * z2;
                s3 += z3 * z3;
            }
            for (; i < size; i++) {
                double z = (v[value + i] - v[mean + i]) * inverse;
                s0 += z * z;
            }
        }
        double sumOfSquares = (s0 + s1) + (s2 + s3);
        v[squaresSlot] = sumOfSquares;
        // A scale that is not positive makes the log NaN, and the caller falls back.
        double log = broadcastLogScale == broadcastLogScale ? broadcastLogScale : Math.log(sigma);
        return -0.5 * sumOfSquares - size * (log + HALF_LOG_TWO_PI);
    }

    private double memberScaleTerm(double[] v) {
        int meanStride = meanBroadcast ? 0 : 1;
        double sum = 0;
        if (logScale != null) {
            for (int i = 0; i < size; i++) {
                double z = (v[value + i] - v[mean + i * meanStride]) * inverseScale[i];
                sum += -0.5 * z * z - logScale[i];
            }
        } else {
            for (int i = 0; i < size; i++) {
                double sigma = v[scale + i];
                double z = (v[value + i] - v[mean + i * meanStride]) / sigma;
                sum += -0.5 * z * z - Math.log(sigma);
            }
        }
        return sum - size * HALF_LOG_TWO_PI;
    }

    @Override
    void plateBackward(double[] v, double[] adj) {
        if (scaleBroadcast) {
            broadcastScaleBackward(v, adj);
        } else {
            memberScaleBackward(v, adj);
        }
    }

    /** d/dx = -z/σ, d/dμ = z/σ, d/dσ = (z² - 1)/σ with z = (x - μ)/σ, for one broadcast σ. */
    private void broadcastScaleBackward(double[] v, double[] adj) {
        double inverse = 1 / v[scale];
        if (scaleNeedsAdjoint) {
            adj[scale] += (v[squaresSlot] - size) * inverse;
        }
        if (meanBroadcast) {
            if (meanNeedsAdjoint) {
                adj[mean] += v[residualsSlot] * inverse;
            }
            if (valueNeedsAdjoint) {
                double mu = v[mean];
                for (int i = 0; i < size; i++) {
                    adj[value + i] -= (v[value + i] - mu) * inverse * inverse;
                }
            }
        } else if (valueNeedsAdjoint) {
            for (int i = 0; i < size; i++) {
                double g = (v[value + i] - v[mean + i]) * inverse * inverse;
                adj[value + i] -= g;
                adj[mean + i] += g;
            }
        } else if (meanNeedsAdjoint) {
            for (int i = 0; i < size; i++) {
                adj[mean + i] += (v[value + i] - v[mean + i]) * inverse * inverse;
            }
        }
    }

    private void memberScaleBackward(double[] v, double[] adj) {
        int meanStride = meanBroadcast ? 0 : 1;
        double meanSum = 0;
        for (int i = 0; i < size; i++) {
            double inverse = inverseScale != null ? inverseScale[i] : 1 / v[scale + i];
            double z = (v[value + i] - v[mean + i * meanStride]) * inverse;
            double g = z * inverse;
            if (valueNeedsAdjoint) {
                adj[value + i] -= g;
            }
            if (meanBroadcast) {
                meanSum += g;
            } else if (meanNeedsAdjoint) {
                adj[mean + i] += g;
            }
            if (scaleNeedsAdjoint) {
                adj[scale + i] += (z * z - 1) * inverse;
            }
        }
        if (meanBroadcast && meanNeedsAdjoint) {
            adj[mean] += meanSum;
        }
    }
}
