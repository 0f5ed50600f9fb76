package org.muster.core.internal;

import org.muster.core.api.distributions.BernoulliLogit;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.BinomialLogit;
import org.muster.core.api.distributions.Poisson;
import org.muster.core.api.distributions.PoissonLog;
import org.muster.core.api.distributions.SpecialFunctions;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * The Bernoulli-logit, binomial-logit or Poisson-log likelihood of observed counts summed over a
 * plate, given a linear predictor with one member per observation (the likelihood of every GLM with
 * a canonical link), or the binomial or Poisson likelihood given a probability or a rate per
 * observation (the beta-binomial and gamma-Poisson models). Unlike {@link UnivariateDensityOp},
 * which calls the kernel once in each sweep, the forward sweep forms each member's term and its
 * derivative together (one {@code exp} for the logit and log links, the logs for the others) and
 * leaves the derivatives in buffer slots of its own, so the reverse sweep only streams them into the
 * argument's adjoints; what depends on the counts alone (log binomial coefficients, log x!) is summed
 * once at compile time.
 *
 * <p>The counts are checked at compile time: the compiler uses this op only when every count is
 * valid for the kernel. An argument member that is invalid (not finite; for a probability or a rate,
 * out of range or at a bound) makes the plate's sum not finite, and then the op evaluates the plate
 * member by member through the generic op, which gives exactly the kernel's answer (the forward
 * sweep's NaN in its term slot tells the reverse sweep to do the same).
 */
final class CountDensityOp extends PlateDensityOp {

    /** Which likelihood, and the argument its constant part is taken at. */
    enum Link {
        BERNOULLI_LOGIT(0), BINOMIAL_LOGIT(0), POISSON_LOG(0), BINOMIAL(0.5), POISSON(1);

        /** An argument where every valid count has a finite log density. */
        final double reference;

        Link(double reference) {
            this.reference = reference;
        }

        /** The link for a kernel, or {@code null} if it has none. */
        static Link of(UnivariateDistribution kernel) {
            if (kernel instanceof BernoulliLogit) {
                return BERNOULLI_LOGIT;
            }
            if (kernel instanceof BinomialLogit) {
                return BINOMIAL_LOGIT;
            }
            if (kernel instanceof PoissonLog) {
                return POISSON_LOG;
            }
            if (kernel instanceof Binomial) {
                return BINOMIAL;
            }
            return kernel instanceof Poisson ? POISSON : null;
        }

        /** Whether the kernel's first argument is the number of trials. */
        boolean hasTrials() {
            return this == BINOMIAL_LOGIT || this == BINOMIAL;
        }

        /** The kernel's log density of a count at the reference argument. */
        double referenceTerm(UnivariateDistribution kernel, double count, double trials) {
            return hasTrials() ? kernel.logDensity(count, trials, reference, 0) : kernel.logDensity(count, reference, 0, 0);
        }
    }

    /** Members whose factors 1 + e share one log in the Bernoulli sweep: their product stays below 2^512. */
    private static final int BLOCK = 512;

    private final Link link;
    private final int size;
    private final int predictor;
    /** The counts (successes, or events). */
    private final double[] counts;
    /** For the binomial: the trials; else {@code null}. */
    private final double[] trials;
    /** For the Bernoulli: +1 for a success and -1 for a failure; else {@code null}. */
    private final double[] signs;
    /** The sum over members of what does not depend on the predictor. */
    private final double constant;
    private final int derivativeSlots;

    /**
     * The number of buffer slots the op needs for a plate of {@code size} members: its term and one
     * derivative per member.
     */
    static int slots(int size) {
        return size + 1;
    }

    /**
     * @param generic the same likelihood through the kernel's scalar methods
     * @param counts the observed values (not modified, not kept); each valid for the kernel
     * @param trials for the binomials the trials, one per member (not modified, not kept); else ignored
     * @param predictor offset of the linear predictor, one member per observation
     * @param slots the first of {@link #slots(int)} buffer slots of this op's own
     */
    CountDensityOp(UnivariateDensityOp generic, UnivariateDistribution kernel, double[] counts, double[] trials,
            int predictor, int slots) {
        super(generic, slots);
        this.link = Link.of(kernel);
        this.size = counts.length;
        this.predictor = predictor;
        this.counts = counts.clone();
        this.trials = link.hasTrials() ? trials.clone() : null;
        if (link == Link.BERNOULLI_LOGIT) {
            signs = new double[size];
            for (int i = 0; i < size; i++) {
                signs[i] = counts[i] == 1 ? 1 : -1;
            }
        } else {
            signs = null;
        }
        // The kernel's own term at the reference argument less the part the sweeps compute there:
        // log 1/2 per trial for the binomials (logit 0, probability 1/2), the mean 1 for the Poissons.
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double term = link.referenceTerm(kernel, counts[i], link.hasTrials() ? trials[i] : 0);
            sum += switch (link) {
                case BERNOULLI_LOGIT -> 0;
                case BINOMIAL_LOGIT, BINOMIAL -> term + trials[i] * Math.log(2);
                case POISSON_LOG, POISSON -> term + 1;
            };
        }
        this.constant = sum;
        this.derivativeSlots = slots + 1;
    }

    /** Whether every count is valid for the kernel, so that the op may be used. */
    static boolean validCounts(UnivariateDistribution kernel, double[] counts, double[] trials) {
        Link link = Link.of(kernel);
        for (int i = 0; i < counts.length; i++) {
            double term = link.referenceTerm(kernel, counts[i], link.hasTrials() ? trials[i] : 0);
            if (!(term > Double.NEGATIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    @Override
    double plateLogDensity(double[] v) {
        return switch (link) {
            case BERNOULLI_LOGIT -> bernoulli(v);
            case BINOMIAL_LOGIT -> binomial(v);
            case POISSON_LOG -> poisson(v);
            case BINOMIAL -> binomialProbability(v);
            case POISSON -> poissonRate(v);
        };
    }

    /**
     * With s = ±eta (the sign of the outcome), log p = log inv_logit(s) = min(s, 0) - log(1 + e) and
     * d/d eta = ±inv_logit(-s), e = exp(-|s|): one exp serves both, and neither cancels. The logs are
     * taken of products of {@link #BLOCK} factors 1 + e in [1, 2], one log per block rather than per
     * member (a product stays below 2^BLOCK, far from overflow); each factor's rounding costs at most
     * one ulp of 1, about 1e-16 absolute on its term, as {@code Math.log(1 + e)} would.
     */
    private double bernoulli(double[] v) {
        double sum = 0;
        double logs = 0;
        double check = 0;
        for (int start = 0; start < size; start += BLOCK) {
            int end = Math.min(size, start + BLOCK);
            double product = 1;
            for (int i = start; i < end; i++) {
                double eta = v[predictor + i];
                double sign = signs[i];
                double s = sign * eta;
                double e = Math.exp(-Math.abs(s));
                double onePlus = 1 + e;
                check += eta;
                product *= onePlus;
                if (s < 0) {
                    sum += s;
                    v[derivativeSlots + i] = sign / onePlus;
                } else {
                    v[derivativeSlots + i] = sign * e / onePlus;
                }
            }
            logs += Math.log(product);
        }
        // A predictor member that is not finite leaves the check not finite; the kernel says -inf there.
        return check - check == 0 ? sum - logs + constant : Double.NaN;
    }

    /**
     * log p = x eta - n log(1 + exp(eta)) + log C(n, x), d/d eta = x (1 - p) - (n - x) p with p and 1 - p
     * each from e = exp(-|eta|), so the difference keeps its digits when p is near 0 or 1.
     */
    private double binomial(double[] v) {
        double sum = 0;
        double check = 0;
        for (int i = 0; i < size; i++) {
            double eta = v[predictor + i];
            double x = counts[i];
            double n = trials[i];
            double e = Math.exp(-Math.abs(eta));
            double inverse = 1 / (1 + e);
            double p = eta >= 0 ? inverse : e * inverse;
            double q = eta >= 0 ? e * inverse : inverse;
            check += eta;
            sum += x * eta - n * (Math.max(eta, 0) + SpecialFunctions.log1pUnit(e));
            v[derivativeSlots + i] = x * q - (n - x) * p;
        }
        return check - check == 0 ? sum + constant : Double.NaN;
    }

    /** log p = x eta - exp(eta) - log x!, d/d eta = x - exp(eta). */
    private double poisson(double[] v) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double eta = v[predictor + i];
            double lambda = Math.exp(eta);
            sum += counts[i] * eta - lambda;
            v[derivativeSlots + i] = counts[i] - lambda;
        }
        // exp overflows to inf for a large predictor and is NaN for a NaN one; -inf for eta = -inf
        // gives 0 * -inf = NaN when a count is 0 and -inf otherwise: each sends the plate to the kernel.
        return sum + constant;
    }

    /**
     * log p = x log(theta) + (n - x) log(1 - theta) + log C(n, x), d/d theta = x / theta - (n - x) / (1 - theta).
     * {@code Math.log(1 - theta)} stands for the kernel's {@code log1p(-theta)} (a StrictMath port, several
     * times slower): 1 - theta is exact for theta of 1/2 or more, and rounds by at most an ulp of 1 below,
     * about 1e-16 absolute on the log. A probability of 0 or 1 makes some product 0 times -inf, NaN, and
     * sends the plate to the kernel, which skips the terms of zero counts.
     */
    private double binomialProbability(double[] v) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double theta = v[predictor + i];
            double x = counts[i];
            double failures = trials[i] - x;
            double complement = 1 - theta;
            sum += x * Math.log(theta) + failures * Math.log(complement);
            v[derivativeSlots + i] = x / theta - failures / complement;
        }
        return sum + constant;
    }

    /**
     * log p = x log(lambda) - lambda - log x!, d/d lambda = x / lambda - 1. A rate of 0 gives 0 times -inf
     * for a zero count, NaN, and a negative rate a NaN log: both send the plate to the kernel.
     */
    private double poissonRate(double[] v) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double lambda = v[predictor + i];
            double x = counts[i];
            sum += x * Math.log(lambda) - lambda;
            v[derivativeSlots + i] = x / lambda - 1;
        }
        return sum + constant;
    }

    @Override
    void plateBackward(double[] v, double[] adj) {
        for (int i = 0; i < size; i++) {
            adj[predictor + i] += v[derivativeSlots + i];
        }
    }
}
