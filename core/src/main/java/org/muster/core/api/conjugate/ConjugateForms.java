package org.muster.core.api.conjugate;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.distributions.RandomVariates;
import org.muster.core.api.distributions.SpecialFunctions;

/**
 * The closed forms of the conjugate families, written once for Gibbs's conjugate draws, empirical
 * Bayes's marginal likelihood and collapsed inference (Gelman et al., BDA3, ch. 2–3 and §5.3–5.5).
 *
 * <p>Two parameterizations meet here. A <em>posterior in natural form</em> is what an update adds
 * observations to: (a, b) of a Beta, (shape, rate) of a Gamma, (shape, scale) of an inverse gamma,
 * (precision, precision × mean) of a Normal. {@link #priorParameters} starts it from the prior,
 * {@link #addObservation} adds one observation, {@link #draw} draws from it. The <em>unit-layer
 * forms</em> take the prior's own arguments (Beta (a, b), Gamma (shape, rate), Normal (mean, sd)) and a
 * unit's sufficient statistics accumulated from zero by the same {@link #addObservation}: beta
 * (sum y, sum (n - y)); gamma (sum y, sum exposure); normal (sum 1/sigma², sum y/sigma², sum y²/sigma²).
 * Every method is a pure function of its arguments and allocates nothing, except the marginals under
 * {@link Functions#COMMONS_MATH}.
 */
public final class ConjugateForms {

    /** How a marginal is evaluated: two numerical forms of the same closed forms. */
    public enum Functions {
        /**
         * As ratios of normalizing constants, log B(a', b') − log B(a, b) and the like, with commons-math3's
         * {@code Beta.logBeta} and {@code Gamma.logGamma} (which allocate on some branches): empirical
         * Bayes's, whose results are pinned bit for bit to this arithmetic.
         */
        COMMONS_MATH,
        /**
         * As differences log Γ(a + s) − log Γ(a) and ψ(a + s) − ψ(a) computed without cancellation, with
         * Muster's allocation-free {@link SpecialFunctions}: for sampling, where the arguments range over
         * orders of magnitude (a beta's concentration of 1e10 is still a point a sampler may visit).
         */
        ALLOCATION_FREE
    }

    private ConjugateForms() {
    }

    /**
     * Writes the prior's natural parameters for unit {@code unit}: (a, b) for Beta, Gamma and inverse
     * gamma kinds, (1/b², a/b² as (1/b²) a) for Normal–Normal with prior mean a and sd b.
     *
     * @param first modified at {@code unit}
     * @param second modified at {@code unit}
     */
    public static void priorParameters(Conjugacy kind, double a, double b, double[] first, double[] second, int unit) {
        if (kind == Conjugacy.NORMAL_NORMAL) {
            double precision = 1 / (b * b);
            first[unit] = precision;
            second[unit] = precision * a;
        } else {
            first[unit] = a;
            second[unit] = b;
        }
    }

    /**
     * Adds one observation {@code y} of the child to unit {@code unit}'s statistics (or to a posterior in
     * natural form). {@code other} is what else the observation's distribution takes: the trials of a
     * binomial (1 for a Bernoulli), the exposure multiplying a Poisson rate (1 for none), the known sd of
     * a normal, or the normal's mean for a gamma precision or inverse-gamma variance.
     *
     * @param first modified at {@code unit}
     * @param second modified at {@code unit}
     * @param third modified at {@code unit} for Normal–Normal (the sum of y²/sigma²); may be null
     */
    public static void addObservation(Conjugacy kind, double y, double other, double[] first, double[] second,
            double[] third, int unit) {
        switch (kind) {
            case BETA_BINOMIAL -> {
                first[unit] += y;
                second[unit] += other - y;
            }
            case GAMMA_POISSON -> {
                first[unit] += y;
                second[unit] += other;
            }
            case NORMAL_NORMAL -> {
                double precision = 1 / (other * other);
                first[unit] += precision;
                second[unit] += precision * y;
                if (third != null) {
                    third[unit] += precision * y * y;
                }
            }
            case GAMMA_NORMAL_PRECISION, INVERSE_GAMMA_NORMAL_VARIANCE -> {
                double residual = y - other;
                first[unit] += 0.5;
                second[unit] += 0.5 * residual * residual;
            }
            default -> throw new IllegalStateException("no conjugate statistics for " + kind);
        }
    }

    /**
     * An exact draw from a posterior in natural form. A draw that underflows to the edge of the support
     * (a Beta draw of exactly 0 or 1 with tiny shape parameters, a Gamma draw of 0) is moved to the
     * nearest interior double, so that its unconstrained value stays finite.
     */
    public static double draw(Conjugacy kind, RandomGenerator random, double first, double second) {
        return switch (kind) {
            case BETA_BINOMIAL -> {
                double p = RandomVariates.beta(random, first, second);
                yield p > 0 ? (p < 1 ? p : Math.nextDown(1.0)) : Double.MIN_VALUE;
            }
            case GAMMA_POISSON, GAMMA_NORMAL_PRECISION -> Math.max(RandomVariates.gamma(random, first) / second,
                    Double.MIN_VALUE);
            case INVERSE_GAMMA_NORMAL_VARIANCE -> Math.max(second / RandomVariates.gamma(random, first), Double.MIN_VALUE);
            case NORMAL_NORMAL -> second / first + RandomVariates.standardNormal(random) / Math.sqrt(first);
            default -> throw new IllegalStateException("no conjugate draw for " + kind);
        };
    }

    /**
     * An exact draw of a simplex from Dirichlet({@code concentration}) as normalized gamma draws. A gamma
     * draw can underflow to zero for a tiny concentration; the stick-breaking transform needs every entry
     * positive, so such entries are lifted to the smallest normal double.
     *
     * @param concentration not modified: the posterior's concentrations (prior plus counts)
     * @param out modified: the first {@code size} entries
     */
    public static void drawSimplex(RandomGenerator random, double[] concentration, double[] out, int size) {
        double total = 0;
        for (int k = 0; k < size; k++) {
            out[k] = RandomVariates.gamma(random, concentration[k]);
            total += out[k];
        }
        double lifted = 0;
        for (int k = 0; k < size; k++) {
            out[k] = Math.max(out[k] / total, Double.MIN_NORMAL);
            lifted += out[k];
        }
        for (int k = 0; k < size; k++) {
            out[k] /= lifted;
        }
    }

    /**
     * {@code leading} plus log p(unit's observations | prior arguments a, b) with the unit's value
     * integrated out, less the parts that do not depend on (a, b) ({@link UnitLayer} adds them once):
     * {@link #betaBinomialLogMarginal}, {@link #gammaPoissonLogMarginal} or {@link #normalNormalLogMarginal}
     * with the posterior's parameters (a + s0, b + s1) for the first two. {@code leading} is added first
     * (the caller's own constant, e.g. log C(n, y)), so a caller summing per-unit terms keeps its arithmetic.
     */
    public static double logMarginal(Functions functions, Conjugacy kind, double leading, double a, double b,
            double s0, double s1, double s2) {
        if (functions == Functions.ALLOCATION_FREE && kind != Conjugacy.NORMAL_NORMAL) {
            return switch (kind) {
                case BETA_BINOMIAL -> leading + SpecialFunctions.logGammaDifference(a, s0)
                        + SpecialFunctions.logGammaDifference(b, s1) - SpecialFunctions.logGammaDifference(a + b, s0 + s1);
                // a log b - (a + s0) log(b + s1) = -a log1p(s1 / b) - s0 log(b + s1).
                case GAMMA_POISSON -> leading + SpecialFunctions.logGammaDifference(a, s0) - a * Math.log1p(s1 / b)
                        - s0 * Math.log(b + s1);
                default -> throw new IllegalStateException("no unit-layer marginal for " + kind);
            };
        }
        return switch (kind) {
            case BETA_BINOMIAL -> betaBinomialLogMarginal(leading, a, b, a + s0, b + s1);
            case GAMMA_POISSON -> gammaPoissonLogMarginal(leading, a, b, a + s0, b + s1);
            case NORMAL_NORMAL -> normalNormalLogMarginal(leading, a, b, s0, s1, s2);
            default -> throw new IllegalStateException("no unit-layer marginal for " + kind);
        };
    }

    /**
     * {@code leading} + log B(a', b') - log B(a, b): the beta-binomial marginal as the ratio of the
     * posterior's and the prior's normalizing constants (without the binomial coefficients), in the
     * arithmetic of {@link Functions#COMMONS_MATH}.
     *
     * @param posteriorA a + sum y
     * @param posteriorB b + sum (n - y)
     */
    public static double betaBinomialLogMarginal(double leading, double a, double b, double posteriorA,
            double posteriorB) {
        return leading + Beta.logBeta(posteriorA, posteriorB) - Beta.logBeta(a, b);
    }

    /**
     * {@code leading} + a log b - log Γ(a) + log Γ(a') - a' log b': the gamma-Poisson marginal as the ratio
     * of the posterior's and the prior's normalizing constants (without the terms y log e - log y!), in the
     * arithmetic of {@link Functions#COMMONS_MATH}.
     *
     * @param posteriorShape shape + sum y
     * @param posteriorRate rate + sum exposure
     */
    public static double gammaPoissonLogMarginal(double leading, double shape, double rate, double posteriorShape,
            double posteriorRate) {
        return leading + shape * Math.log(rate) - Gamma.logGamma(shape) + Gamma.logGamma(posteriorShape)
                - posteriorShape * Math.log(posteriorRate);
    }

    /**
     * {@code leading} - ½ s2 + ½ (s1 + a/b²)²/(s0 + 1/b²) - ½ a²/b² - log b - ½ log(s0 + 1/b²), written as
     * p(y | u) p(u) / p(u | y) at u the posterior mean (without the terms -log sigma - ½ log 2π of the
     * observations); for sd b = 0 the observations' density at u = a.
     */
    public static double normalNormalLogMarginal(double leading, double a, double b, double s0, double s1, double s2) {
        if (b == 0) {
            return leading + -0.5 * (s2 - 2 * a * s1 + a * a * s0);
        }
        double precision = 1 / (b * b) + s0;
        double mean = (a / (b * b) + s1) / precision;
        double d = (mean - a) / b;
        return leading + -0.5 * (s2 - 2 * mean * s1 + mean * mean * s0) - Math.log(b) - 0.5 * d * d
                - 0.5 * Math.log(precision);
    }

    /**
     * The derivatives of {@link #logMarginal} with respect to the prior arguments a and b (b &gt; 0 for
     * Normal–Normal), with the differences of ψ computed without cancellation: beta ψ(a + s0) - ψ(a) -
     * (ψ(a + b + n) - ψ(a + b)) and its mirror, with n = s0 + s1; gamma ψ(a + s0) - ψ(a) - log1p(s1/b) and
     * a/b - (a + s0)/(b + s1); normal (m - a)/b² and
     * ((m - a)² - b² + 1/P)/b³ = (m - a)²/b³ - b s0/(1 + b² s0) with P = s0 + 1/b² and m the posterior mean.
     *
     * @param firstGradient modified at {@code unit}: d/da
     * @param secondGradient modified at {@code unit}: d/db
     */
    public static void logMarginalGradient(Conjugacy kind, double a, double b, double s0, double s1,
            double[] firstGradient, double[] secondGradient, int unit) {
        switch (kind) {
            case BETA_BINOMIAL -> {
                double common = SpecialFunctions.digammaDifference(a + b, s0 + s1);
                firstGradient[unit] = SpecialFunctions.digammaDifference(a, s0) - common;
                secondGradient[unit] = SpecialFunctions.digammaDifference(b, s1) - common;
            }
            case GAMMA_POISSON -> {
                firstGradient[unit] = SpecialFunctions.digammaDifference(a, s0) - Math.log1p(s1 / b);
                secondGradient[unit] = (a * s1 - s0 * b) / (b * (b + s1));
            }
            case NORMAL_NORMAL -> {
                double precision = 1 / (b * b) + s0;
                double mean = (a / (b * b) + s1) / precision;
                double d = mean - a;
                firstGradient[unit] = d / (b * b);
                // 1/P - b² = -b⁴ s0 / (1 + b² s0), written without the cancellation as b → 0.
                secondGradient[unit] = d * d / (b * b * b) - b * s0 / (1 + b * b * s0);
            }
            default -> throw new IllegalStateException("no unit-layer marginal for " + kind);
        }
    }

    /**
     * An exact draw of the unit's value from its posterior given the prior's arguments and the unit's
     * statistics, by {@link #draw}: Beta(a + s0, b + s1), Gamma(a + s0, b + s1), or the normal with
     * precision 1/b² + s0 and precision × mean a/b² + s1 (b &gt; 0).
     */
    public static double drawPosterior(Conjugacy kind, RandomGenerator random, double a, double b, double s0,
            double s1) {
        return switch (kind) {
            case NORMAL_NORMAL -> draw(kind, random, 1 / (b * b) + s0, a / (b * b) + s1);
            case BETA_BINOMIAL, GAMMA_POISSON -> draw(kind, random, a + s0, b + s1);
            default -> throw new IllegalStateException("no unit-layer posterior for " + kind);
        };
    }

    /**
     * {@link #logMarginal} under {@link Functions#ALLOCATION_FREE} and {@link #logMarginalGradient} together,
     * sharing their special functions (for the beta-binomial, three differences of log Γ and ψ in all).
     *
     * @param scratch modified: at least 6 entries
     * @param firstGradient modified at {@code unit}: d/da
     * @param secondGradient modified at {@code unit}: d/db
     * @return the log marginal
     */
    public static double logMarginalWithGradient(Conjugacy kind, double a, double b, double s0, double s1, double s2,
            double[] firstGradient, double[] secondGradient, int unit, double[] scratch) {
        switch (kind) {
            case BETA_BINOMIAL -> {
                SpecialFunctions.gammaDifferences(a, s0, scratch, 0);
                SpecialFunctions.gammaDifferences(b, s1, scratch, 2);
                SpecialFunctions.gammaDifferences(a + b, s0 + s1, scratch, 4);
                firstGradient[unit] = scratch[1] - scratch[5];
                secondGradient[unit] = scratch[3] - scratch[5];
                return scratch[0] + scratch[2] - scratch[4];
            }
            case GAMMA_POISSON -> {
                SpecialFunctions.gammaDifferences(a, s0, scratch, 0);
                double log1p = Math.log1p(s1 / b);
                firstGradient[unit] = scratch[1] - log1p;
                secondGradient[unit] = (a * s1 - s0 * b) / (b * (b + s1));
                return scratch[0] - a * log1p - s0 * Math.log(b + s1);
            }
            default -> {
                logMarginalGradient(kind, a, b, s0, s1, firstGradient, secondGradient, unit);
                return logMarginal(Functions.ALLOCATION_FREE, kind, 0, a, b, s0, s1, s2);
            }
        }
    }

    /**
     * The unit's posterior mean and sd from the prior's arguments and its statistics (for Normal–Normal
     * with b = 0, the prior mean with sd 0).
     *
     * @param mean modified at {@code unit}
     * @param sd modified at {@code unit}
     */
    public static void posteriorMoments(Conjugacy kind, double a, double b, double s0, double s1, double[] mean,
            double[] sd, int unit) {
        switch (kind) {
            case BETA_BINOMIAL -> {
                double alpha = a + s0;
                double beta = b + s1;
                double total = alpha + beta;
                mean[unit] = alpha / total;
                sd[unit] = Math.sqrt(alpha * beta / (total * total * (total + 1)));
            }
            case GAMMA_POISSON -> {
                double shape = a + s0;
                double rate = b + s1;
                mean[unit] = shape / rate;
                sd[unit] = Math.sqrt(shape) / rate;
            }
            case NORMAL_NORMAL -> {
                if (b == 0) {
                    mean[unit] = a;
                    sd[unit] = 0;
                } else {
                    double precision = 1 / (b * b) + s0;
                    mean[unit] = (a / (b * b) + s1) / precision;
                    sd[unit] = 1 / Math.sqrt(precision);
                }
            }
            default -> throw new IllegalStateException("no unit-layer posterior for " + kind);
        }
    }

    /**
     * The maximum-likelihood estimate of a unit value from statistics alone (no prior) and its standard
     * error: s0 / (s0 + s1) for beta-binomial, s0 / s1 for gamma-Poisson, s1 / s0 for normal.
     *
     * @param estimate modified at {@code unit}
     * @param standardError modified at {@code unit}
     */
    public static void maximumLikelihood(Conjugacy kind, double s0, double s1, double[] estimate,
            double[] standardError, int unit) {
        switch (kind) {
            case BETA_BINOMIAL -> {
                double n = s0 + s1;
                double p = s0 / n;
                estimate[unit] = p;
                standardError[unit] = Math.sqrt(p * (1 - p) / n);
            }
            case GAMMA_POISSON -> {
                estimate[unit] = s0 / s1;
                standardError[unit] = Math.sqrt(s0) / s1;
            }
            case NORMAL_NORMAL -> {
                estimate[unit] = s1 / s0;
                standardError[unit] = 1 / Math.sqrt(s0);
            }
            default -> throw new IllegalStateException("no maximum-likelihood estimate for " + kind);
        }
    }
}
